namespace RagAnything.Embeddings.Onnx.Tests.Quantization;

/// <summary>
/// How a test weight initializer stores its values in the TensorProto.
/// </summary>
public enum WeightStorage
{
    /// <summary>Little-endian bytes in raw_data, as most exporters write.</summary>
    RawData,

    /// <summary>The repeated float_data field.</summary>
    FloatData,

    /// <summary>A reference to an external file, which the quantizer rejects.</summary>
    External,
}
