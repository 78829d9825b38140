namespace RagAnything.Embeddings.Onnx;

/// <summary>
/// The numeric precision of the model weights that <see cref="OnnxEmbeddingGenerator"/> runs.
/// </summary>
public enum EmbeddingPrecision
{
    /// <summary>The model as exported, with 32-bit float weights.</summary>
    Float32,

    /// <summary>
    /// The model with its weight <c>MatMul</c> nodes quantized to int8 by
    /// <see cref="Quantization.OnnxDynamicQuantizer"/>, which ONNX Runtime runs faster on CPUs with 8-bit dot-product
    /// instructions. The vectors differ slightly from <see cref="Float32"/> vectors, so the model id gets an
    /// <c>-int8</c> suffix and the two are never mixed in one vector collection.
    /// </summary>
    Int8,
}
