namespace RagAnything.Embeddings.Onnx.Quantization;

/// <summary>
/// Settings of <see cref="OnnxDynamicQuantizer"/>: which weight <c>MatMul</c> nodes keep float weights.
/// </summary>
/// <remarks>
/// <c>DynamicQuantizeMatMul</c> quantizes its float input per tensor to uint8 at run time, so a node whose input has a
/// few large outliers loses precision on every other value. Keeping such nodes in float costs little speed and can
/// remove most of the accuracy loss. Do not change an instance while a quantizer that uses it is running.
/// </remarks>
public sealed class QuantizationOptions
{
    /// <summary>Gets the names of the <c>MatMul</c> nodes to leave in float, compared ordinally.</summary>
    /// <value>The default is an empty set, which quantizes every eligible <c>MatMul</c>.</value>
    /// <remarks>
    /// Names that match no node are ignored, so one list can serve several exports of a model family. Use
    /// <see cref="BundledModelQuantization.CreateOptions"/> for the list measured on the bundled all-MiniLM-L6-v2.
    /// </remarks>
    public ISet<string> ExcludedNodes { get; } = new HashSet<string>(StringComparer.Ordinal);
}
