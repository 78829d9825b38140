using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Onnx;

namespace RagAnything.Embeddings.Onnx.Quantization;

/// <summary>
/// Reads the values of a float <see cref="TensorProto"/> stored inline as <c>raw_data</c> or <c>float_data</c>.
/// </summary>
internal static class FloatTensorReader
{
    /// <summary>
    /// Reads all elements of <paramref name="tensor"/> in row-major order.
    /// </summary>
    /// <exception cref="NotSupportedException">The tensor keeps its data in an external file.</exception>
    /// <exception cref="InvalidDataException">The stored element count does not match the dimensions.</exception>
    public static float[] Read(TensorProto tensor)
    {
        if (tensor.DataLocation == TensorProto.Types.DataLocation.External || tensor.ExternalData.Count > 0)
        {
            throw new NotSupportedException(
                $"Initializer '{tensor.Name}' stores its data in an external file, which the quantizer does not read. "
                + "Save the model with all tensors inline (a single .onnx file under 2 GB) and try again.");
        }

        long expected = 1;
        foreach (long dim in tensor.Dims)
        {
            expected *= dim;
        }

        float[] values = tensor.RawData.Length > 0 ? ReadRaw(tensor) : tensor.FloatData.ToArray();
        if (values.Length != expected)
        {
            throw new InvalidDataException(
                $"Initializer '{tensor.Name}' has {values.Length} float values, but its dimensions [{string.Join(", ", tensor.Dims)}] need {expected}.");
        }

        return values;
    }

    private static float[] ReadRaw(TensorProto tensor)
    {
        ReadOnlySpan<byte> raw = tensor.RawData.Span;
        if (raw.Length % sizeof(float) != 0)
        {
            throw new InvalidDataException(
                $"Initializer '{tensor.Name}' has {raw.Length} bytes of raw_data, which is not a whole number of floats.");
        }

        // ONNX stores raw_data little-endian, so a plain reinterpretation is only valid on little-endian hosts.
        if (BitConverter.IsLittleEndian)
        {
            return MemoryMarshal.Cast<byte, float>(raw).ToArray();
        }

        float[] values = new float[raw.Length / sizeof(float)];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(raw.Slice(i * sizeof(float)));
        }

        return values;
    }
}
