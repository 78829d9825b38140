using Onnx;

namespace RagAnything.Embeddings.Onnx.Quantization;

/// <summary>
/// A [K, N] float weight in the 8-bit layout of <c>com.microsoft.MatMulNBits</c>: for each output column n and block b
/// of <c>blockSize</c> input channels, <c>scale[n, b] = max |W[k, n]| / 127</c> over the block, and the stored byte is
/// <c>round_half_even(W / scale) + 128</c>, so the operator's default zero point of 128 applies.
/// </summary>
internal sealed class BlockwiseInt8Weights
{
    private const float MaxMagnitude = 127f;
    private const int ZeroPoint = 128;

    private BlockwiseInt8Weights(byte[] values, float[] scales, int blockCount)
    {
        Values = values;
        Scales = scales;
        BlockCount = blockCount;
    }

    /// <summary>Quantized weights [N, blocks, blockSize], with K padded by zeros to whole blocks.</summary>
    public byte[] Values { get; }

    /// <summary>One scale per output column and block, [N × blocks].</summary>
    public float[] Scales { get; }

    /// <summary>Number of blocks per column, K divided by the block size and rounded up.</summary>
    public int BlockCount { get; }

    /// <summary>Size of the quantized values plus the float scales, in bytes.</summary>
    public long ByteCount => Values.Length + ((long)Scales.Length * sizeof(float));

    /// <summary>Quantizes the row-major weight <paramref name="weights"/> of shape [<paramref name="rows"/>, <paramref name="columns"/>].</summary>
    /// <exception cref="InvalidDataException">A weight is NaN or infinite.</exception>
    public static BlockwiseInt8Weights Quantize(ReadOnlySpan<float> weights, int rows, int columns, int blockSize, string name)
    {
        int blockCount = (rows + blockSize - 1) / blockSize;
        byte[] values = new byte[columns * blockCount * blockSize];
        float[] scales = new float[columns * blockCount];

        for (int n = 0; n < columns; n++)
        {
            for (int block = 0; block < blockCount; block++)
            {
                int first = block * blockSize;
                int end = Math.Min(rows, first + blockSize);
                float maxAbs = 0f;
                for (int k = first; k < end; k++)
                {
                    float value = weights[(k * columns) + n];
                    if (!float.IsFinite(value))
                    {
                        throw new InvalidDataException($"Weight '{name}' has the non-finite value {value} at [{k}, {n}], so it cannot be quantized.");
                    }

                    maxAbs = MathF.Max(maxAbs, MathF.Abs(value));
                }

                // An all-zero block quantizes to zeros under any scale, so 1 only serves to avoid dividing by zero.
                float scale = maxAbs > 0f ? maxAbs / MaxMagnitude : 1f;
                scales[(n * blockCount) + block] = scale;

                // Padding rows past K stay at the zero point, so they add nothing.
                int offset = ((n * blockCount) + block) * blockSize;
                for (int k = first; k < first + blockSize; k++)
                {
                    float quantized = k < end ? Math.Clamp(MathF.Round(weights[(k * columns) + n] / scale, MidpointRounding.ToEven), -MaxMagnitude, MaxMagnitude) : 0f;
                    values[offset + (k - first)] = (byte)((int)quantized + ZeroPoint);
                }
            }
        }

        return new BlockwiseInt8Weights(values, scales, blockCount);
    }

    /// <summary>Builds the uint8 initializer of shape [N, blocks, blockSize].</summary>
    public TensorProto ToValuesTensor(string name, int columns, int blockSize)
    {
        TensorProto tensor = new()
        {
            Name = name,
            DataType = (int)TensorProto.Types.DataType.Uint8,
            RawData = Google.Protobuf.ByteString.CopyFrom(Values),
        };
        tensor.Dims.Add([columns, BlockCount, blockSize]);
        return tensor;
    }

    /// <summary>Builds the float scale initializer of shape [N × blocks].</summary>
    public TensorProto ToScalesTensor(string name) => TensorFactory.Float(name, Scales, Scales.Length);
}
