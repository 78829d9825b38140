namespace RagAnything.Embeddings.Onnx.Quantization;

/// <summary>
/// Settings of <see cref="OnnxDynamicQuantizer"/>: the replacement operator, which weight <c>MatMul</c> nodes keep float
/// weights, which get their input smoothed per channel or their outlier input channels computed in float, and the
/// calibration input.
/// </summary>
/// <remarks>
/// <para>
/// <c>DynamicQuantizeMatMul</c> quantizes its float input per tensor to uint8 at run time, so a few large values
/// anywhere in the input coarsen the steps for every other value. Three remedies are available, each for named nodes:
/// keep the node in float (<see cref="ExcludedNodes"/>), divide each input channel by a calibrated factor and multiply
/// the matching weight row by it (<see cref="SmoothedNodes"/>), or take the input channels with the largest calibrated
/// values out of the quantized product and multiply them in float (<see cref="OutlierChannelNodes"/>).
/// The last two need <see cref="CalibrationSequences"/>.
/// </para>
/// <para>Do not change an instance while a quantizer that uses it is being created.</para>
/// </remarks>
public sealed class QuantizationOptions
{
    /// <summary>The default of <see cref="SmoothingAlpha"/>, the common SmoothQuant choice.</summary>
    /// <remarks>
    /// On all-MiniLM-L6-v2 with the bundled settings, alpha 0.5, 0.6 and 0.7 gave a mean cosine to float32 vectors over
    /// 126 SQuAD paragraphs of 0.9986, 0.9987 and 0.9987, and a minimum of 0.9962, 0.9980 and 0.9976. In retrieval,
    /// 0.5 matched float32's document hit@5 on the SEC filings of the evaluation set in two runs (64 of 74), and 0.6 and
    /// 0.7 lost 3 and 4 questions, so 0.5 is the default.
    /// </remarks>
    public const double DefaultSmoothingAlpha = 0.5;

    /// <summary>The default of <see cref="OutlierChannelCount"/>.</summary>
    /// <remarks>
    /// On all-MiniLM-L6-v2 with the bundled settings, 8, 16 and 32 channels per feed-forward output projection gave a
    /// minimum cosine to float32 vectors over 126 SQuAD paragraphs of 0.9957, 0.9980 and 0.9976 (mean 0.9986-0.9987).
    /// </remarks>
    public const int DefaultOutlierChannelCount = 16;

    /// <summary>The default of <see cref="BlockSize"/>.</summary>
    /// <remarks>
    /// On all-MiniLM-L6-v2 with every node as <c>MatMulNBits</c>, blocks of 32, 64 and 128 gave a mean cosine to float32
    /// vectors over 126 SQuAD paragraphs of 0.9997, 0.9995 and 0.9992, and roughly 1.25, 1.22 and 1.13 times the fp32
    /// speed (2 threads, AVX-512 VNNI, ONNX Runtime 1.32, a busy machine).
    /// </remarks>
    public const int DefaultBlockSize = 32;

    /// <summary>Gets or sets the operator that replaces each quantized <c>MatMul</c>.</summary>
    /// <value>The default is <see cref="QuantizedOperator.DynamicQuantizeMatMul"/>.</value>
    public QuantizedOperator Operator { get; set; } = QuantizedOperator.DynamicQuantizeMatMul;

    /// <summary>Gets or sets how many input channels share one weight scale and one activation scale with <see cref="QuantizedOperator.MatMulNBits"/>.</summary>
    /// <value>The default is <see cref="DefaultBlockSize"/>. It must be a power of 2 and at least 16, as the operator requires.</value>
    public int BlockSize { get; set; } = DefaultBlockSize;

    /// <summary>Gets the names of the <c>MatMul</c> nodes to leave in float, compared ordinally.</summary>
    /// <value>The default is an empty set, which quantizes every eligible <c>MatMul</c>.</value>
    /// <remarks>
    /// Names that match no node are ignored, so one list can serve several exports of a model family. Use
    /// <see cref="BundledModelQuantization.CreateOptions"/> for the settings measured on the bundled all-MiniLM-L6-v2.
    /// </remarks>
    public ISet<string> ExcludedNodes { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Gets the names of the quantized <c>MatMul</c> nodes whose input is smoothed per channel.</summary>
    /// <value>The default is an empty set.</value>
    /// <remarks>
    /// For input X [.., K] and weight W [K, N], the factor of channel k is
    /// <c>s[k] = max|X[.., k]|^alpha / max_n |W[k, n]|^(1 - alpha)</c>, with the activation maximum taken over
    /// <see cref="CalibrationSequences"/> and alpha <see cref="SmoothingAlpha"/>. The graph gets a <c>Mul</c> of X by
    /// 1/s, and the weight rows are multiplied by s before they are quantized, so the float result is unchanged while
    /// the input's range shrinks. Smoothed nodes that read the same input share one <c>Mul</c>, and their factors use
    /// the maximum over all their weights. Names that match no node are ignored.
    /// </remarks>
    public ISet<string> SmoothedNodes { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Gets or sets the exponent alpha of the smoothing factors of <see cref="SmoothedNodes"/>.</summary>
    /// <value>The default is <see cref="DefaultSmoothingAlpha"/>. It must be between 0 and 1.</value>
    /// <remarks>0 leaves the input unchanged and moves all of its range into the weights; 1 moves all of it.</remarks>
    public double SmoothingAlpha { get; set; } = DefaultSmoothingAlpha;

    /// <summary>
    /// Gets the names of the quantized <c>MatMul</c> nodes whose <see cref="OutlierChannelCount"/> input channels with
    /// the largest calibrated magnitude are multiplied in float.
    /// </summary>
    /// <value>The default is an empty set.</value>
    /// <remarks>
    /// The graph gathers those channels of the input into a small float <c>MatMul</c> with the matching weight rows and
    /// adds its result to the quantized product, whose input has those channels set to 0 and whose weights have those
    /// rows set to 0. This suits inputs whose outliers sit in a few fixed channels but only on some tokens, which
    /// per-channel smoothing cannot remove. Names that match no node are ignored.
    /// </remarks>
    public ISet<string> OutlierChannelNodes { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Gets or sets how many input channels of each node in <see cref="OutlierChannelNodes"/> stay in float.</summary>
    /// <value>The default is <see cref="DefaultOutlierChannelCount"/>. It must be at least 1.</value>
    /// <remarks>A node with no more input channels than this count keeps all but one of them in float.</remarks>
    public int OutlierChannelCount { get; set; } = DefaultOutlierChannelCount;

    /// <summary>
    /// Gets the token id sequences, each with its special tokens, that the float model runs on to measure the maximum
    /// magnitude of every input channel of <see cref="SmoothedNodes"/> and <see cref="OutlierChannelNodes"/>.
    /// </summary>
    /// <value>The default is an empty list, which is only valid while both of those sets match no node.</value>
    /// <remarks>
    /// Each sequence runs as a batch of one, with <c>input_ids</c> set to its ids, <c>attention_mask</c> to 1 and
    /// <c>token_type_ids</c> to 0, so the model must have no other inputs. The sequences are part of the cache key of
    /// <see cref="QuantizedModelCache"/>.
    /// </remarks>
    public IList<IReadOnlyList<int>> CalibrationSequences { get; } = [];

    /// <summary>
    /// Gets or sets whether an <c>Add</c> of a constant bias vector that alone reads a quantized node's output is
    /// moved into the optional bias input of the quantized operator, which removes one pass over the output.
    /// </summary>
    /// <value>The default is <see langword="true"/>. The outputs agree up to float rounding either way.</value>
    public bool FoldBiasAdd { get; set; } = true;
}
