namespace RagAnything.Embeddings.Onnx.Quantization;

/// <summary>
/// Outcome of <see cref="OnnxDynamicQuantizer.Quantize(ReadOnlySpan{byte})"/>: the serialized model and what was replaced.
/// </summary>
public sealed class QuantizationResult
{
    internal QuantizationResult(ReadOnlyMemory<byte> model, int quantizedMatMulCount, long floatWeightBytes, long quantizedWeightBytes)
    {
        Model = model;
        QuantizedMatMulCount = quantizedMatMulCount;
        FloatWeightBytes = floatWeightBytes;
        QuantizedWeightBytes = quantizedWeightBytes;
    }

    /// <summary>
    /// Serialized ONNX model. When <see cref="QuantizedMatMulCount"/> is 0 these are the input bytes, unchanged.
    /// </summary>
    public ReadOnlyMemory<byte> Model { get; }

    /// <summary>
    /// Number of <c>MatMul</c> nodes rewritten to <c>com.microsoft.DynamicQuantizeMatMul</c>.
    /// </summary>
    public int QuantizedMatMulCount { get; }

    /// <summary>
    /// Size in bytes of the float weights that were quantized, counting each distinct initializer once.
    /// </summary>
    public long FloatWeightBytes { get; }

    /// <summary>
    /// Size in bytes of the int8 weights and float scales that replace <see cref="FloatWeightBytes"/>, plus the float
    /// smoothing multipliers and outlier weight rows when the options select those treatments.
    /// </summary>
    public long QuantizedWeightBytes { get; }
}
