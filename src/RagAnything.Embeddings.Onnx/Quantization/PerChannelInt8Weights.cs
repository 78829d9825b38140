using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace RagAnything.Embeddings.Onnx.Quantization;

/// <summary>
/// A [K, N] float weight quantized symmetrically to int8 with one scale per output column:
/// <c>scale[n] = max_k |W[k, n]| / 127</c>, zero point 0, <c>q = round_half_even(W / scale)</c>.
/// </summary>
internal sealed class PerChannelInt8Weights
{
    // 127 rather than 128 keeps the range symmetric, so -W quantizes to exactly -q.
    private const float MaxMagnitude = 127f;

    private PerChannelInt8Weights(sbyte[] values, float[] scales)
    {
        Values = values;
        Scales = scales;
    }

    /// <summary>Quantized weights, row-major [K, N].</summary>
    public sbyte[] Values { get; }

    /// <summary>One dequantization scale per column, length N.</summary>
    public float[] Scales { get; }

    /// <summary>Size of the int8 values plus the float scales, in bytes.</summary>
    public long ByteCount => Values.Length + ((long)Scales.Length * sizeof(float));

    /// <summary>
    /// Quantizes the row-major weight <paramref name="weights"/> of shape [<paramref name="rows"/>, <paramref name="columns"/>].
    /// </summary>
    /// <exception cref="InvalidDataException">A weight is NaN or infinite.</exception>
    public static PerChannelInt8Weights Quantize(ReadOnlySpan<float> weights, int rows, int columns, string name)
    {
        float[] scales = ComputeScales(weights, rows, columns, name);

        sbyte[] values = new sbyte[weights.Length];
        for (int k = 0; k < rows; k++)
        {
            int rowStart = k * columns;
            for (int n = 0; n < columns; n++)
            {
                float scaled = MathF.Round(weights[rowStart + n] / scales[n], MidpointRounding.ToEven);
                values[rowStart + n] = (sbyte)Math.Clamp(scaled, -MaxMagnitude, MaxMagnitude);
            }
        }

        return new PerChannelInt8Weights(values, scales);
    }

    /// <summary>Builds the int8 initializer of shape [K, N].</summary>
    public TensorProto ToValuesTensor(string name, int rows, int columns)
    {
        TensorProto tensor = new()
        {
            Name = name,
            DataType = (int)TensorProto.Types.DataType.Int8,
            RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(Values.AsSpan())),
        };
        tensor.Dims.Add(rows);
        tensor.Dims.Add(columns);
        return tensor;
    }

    /// <summary>Builds the float scale initializer of shape [N].</summary>
    public TensorProto ToScalesTensor(string name)
    {
        TensorProto tensor = new()
        {
            Name = name,
            DataType = (int)TensorProto.Types.DataType.Float,
        };
        tensor.Dims.Add(Scales.Length);

        // float_data is written through the protobuf library, so it stays correct on big-endian hosts, where raw_data would not.
        tensor.FloatData.Add(Scales);
        return tensor;
    }

    private static float[] ComputeScales(ReadOnlySpan<float> weights, int rows, int columns, string name)
    {
        float[] maxAbs = new float[columns];
        for (int k = 0; k < rows; k++)
        {
            ReadOnlySpan<float> row = weights.Slice(k * columns, columns);
            for (int n = 0; n < columns; n++)
            {
                if (!float.IsFinite(row[n]))
                {
                    throw new InvalidDataException(
                        $"Weight '{name}' has the non-finite value {row[n]} at [{k}, {n}], so it cannot be quantized.");
                }

                maxAbs[n] = MathF.Max(maxAbs[n], MathF.Abs(row[n]));
            }
        }

        float[] scales = new float[columns];
        for (int n = 0; n < columns; n++)
        {
            // An all-zero column quantizes to zeros under any scale, so 1 only serves to avoid dividing by zero.
            scales[n] = maxAbs[n] > 0f ? maxAbs[n] / MaxMagnitude : 1f;
        }

        return scales;
    }
}
