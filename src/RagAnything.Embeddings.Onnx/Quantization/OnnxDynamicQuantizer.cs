using System.Diagnostics;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Onnx;

namespace RagAnything.Embeddings.Onnx.Quantization;

/// <summary>
/// Rewrites a BERT-style ONNX model for dynamic int8 inference: every <c>MatMul</c> whose second input is a constant
/// 2-D float initializer [K, N] becomes ONNX Runtime's contrib operator <c>com.microsoft.DynamicQuantizeMatMul</c>
/// with int8 weights and one symmetric scale per output column. Activations stay float and are quantized by the operator at run time.
/// </summary>
/// <remarks>
/// <para>
/// The output runs only on ONNX Runtime, because <c>DynamicQuantizeMatMul</c> is not a standard ONNX operator.
/// Weight initializers that are also graph inputs are left in float, because a caller may override them at run time.
/// Only the main graph is rewritten, so <c>MatMul</c> nodes inside <c>If</c> or <c>Loop</c> bodies stay float.
/// </para>
/// <para>
/// <see cref="QuantizationOptions.Operator"/> can select <c>com.microsoft.MatMulNBits</c> with 8-bit weights in blocks
/// instead, which is more accurate and slower.
/// When <see cref="QuantizationOptions"/> names smoothed or outlier-split nodes, <see cref="Quantize(ReadOnlySpan{byte})"/>
/// first runs the float model with ONNX Runtime over the calibration sequences to measure their input channels.
/// </para>
/// <para>Instances hold no mutable state and are safe to use from several threads at once.</para>
/// <para>
/// NOTE: accuracy was measured only on a CPU with AVX-512 VNNI. On x86 CPUs without VNNI, the 8-bit dot-product
/// instructions of AVX2 and AVX-512 can saturate their 16-bit intermediate sums, so accuracy there is unverified.
/// </para>
/// </remarks>
public sealed class OnnxDynamicQuantizer
{
    /// <summary>
    /// Version of the rewrite this class performs. Raise it whenever the output changes for the same input,
    /// so that <see cref="QuantizedModelCache"/> stops reusing files written by an older version.
    /// </summary>
    /// <remarks>
    /// Version 3 added input smoothing, float outlier channels and bias folding, which is on by default.
    /// </remarks>
    public const int Version = 3;

    private readonly ILogger _logger;
    private readonly QuantizationSettings _settings;

    /// <summary>
    /// Creates a quantizer that rewrites every eligible <c>MatMul</c>.
    /// </summary>
    /// <param name="logger">Receives a summary of each rewrite, or <see langword="null"/> for no logging.</param>
    public OnnxDynamicQuantizer(ILogger? logger = null)
        : this(new QuantizationOptions(), logger)
    {
    }

    /// <summary>
    /// Creates a quantizer with the exclusions, smoothing, outlier channels and calibration input of <paramref name="options"/>.
    /// </summary>
    /// <param name="options">The settings. They are copied, so later changes to the options have no effect.</param>
    /// <param name="logger">Receives a summary of each rewrite, or <see langword="null"/> for no logging.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// A setting is out of range, or nodes are smoothed or split but <see cref="QuantizationOptions.CalibrationSequences"/> is empty.
    /// </exception>
    public OnnxDynamicQuantizer(QuantizationOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);

        _logger = logger ?? NullLogger.Instance;
        _settings = QuantizationSettings.From(options);
    }

    /// <summary>Gets the names of the nodes this quantizer leaves in float, sorted ordinally.</summary>
    public IReadOnlyList<string> ExcludedNodes => [.. _settings.ExcludedNodes.Order(StringComparer.Ordinal)];

    /// <summary>Gets a text that identifies the settings in cache file names, empty for the default settings.</summary>
    internal string SettingsKey => _settings.CacheKey;

    /// <summary>
    /// Quantizes the serialized ONNX model in <paramref name="model"/>.
    /// </summary>
    /// <param name="model">A complete ONNX model with all tensors stored inline.</param>
    /// <returns>The rewritten model, or the input bytes unchanged when no <c>MatMul</c> has a constant float weight.</returns>
    /// <exception cref="InvalidDataException">The bytes are not an ONNX model, or a weight is malformed or not finite.</exception>
    /// <exception cref="NotSupportedException">
    /// A weight to be quantized keeps its data in an external file, or calibration is needed but the model has an input
    /// other than int64 <c>input_ids</c>, <c>attention_mask</c> and <c>token_type_ids</c>.
    /// </exception>
    /// <exception cref="Microsoft.ML.OnnxRuntime.OnnxRuntimeException">ONNX Runtime failed to load or run the model for calibration.</exception>
    public QuantizationResult Quantize(ReadOnlySpan<byte> model)
    {
        long started = Stopwatch.GetTimestamp();
        ModelProto parsed = OnnxModelParser.Parse(model);
        GraphProto graph = parsed.Graph;

        MatMulWeightRewriter rewriter = new(graph, _settings);
        List<NodeProto> eligible = rewriter.FindEligibleNodes();
        if (eligible.Count == 0)
        {
            QuantizationLog.NoEligibleMatMul(_logger);
            return new QuantizationResult(model.ToArray(), 0, 0, 0);
        }

        // Calibration runs on the unchanged model, so it must finish before the rewrite starts.
        Dictionary<string, float[]> channelMaxima = Calibrate(parsed, eligible);
        rewriter.Rewrite(eligible, channelMaxima);
        rewriter.RemoveUnreadFloatWeights();
        EnsureMicrosoftOpsetImport(parsed);
        byte[] output = parsed.ToByteArray();

        long elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        QuantizationLog.ModelQuantized(_logger, rewriter.RewrittenCount, rewriter.ExcludedCount, rewriter.FloatWeightBytes, rewriter.QuantizedWeightBytes, elapsedMs);
        QuantizationLog.ActivationsTransformed(_logger, rewriter.SmoothedCount, rewriter.OutlierSplitCount, rewriter.FoldedBiasCount);
        return new QuantizationResult(output, rewriter.RewrittenCount, rewriter.FloatWeightBytes, rewriter.QuantizedWeightBytes);
    }

    /// <summary>
    /// Reads <paramref name="model"/> to its end and quantizes it.
    /// </summary>
    /// <param name="model">A readable stream positioned at the start of a complete ONNX model. The caller keeps ownership and disposes it.</param>
    /// <returns>The rewritten model, or the input bytes unchanged when no <c>MatMul</c> has a constant float weight.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidDataException">The bytes are not an ONNX model, or a weight is malformed or not finite.</exception>
    /// <exception cref="NotSupportedException">
    /// A weight to be quantized keeps its data in an external file, or calibration is needed but the model has an input
    /// other than int64 <c>input_ids</c>, <c>attention_mask</c> and <c>token_type_ids</c>.
    /// </exception>
    /// <exception cref="Microsoft.ML.OnnxRuntime.OnnxRuntimeException">ONNX Runtime failed to load or run the model for calibration.</exception>
    public QuantizationResult Quantize(Stream model)
    {
        ArgumentNullException.ThrowIfNull(model);

        using MemoryStream buffer = new();
        model.CopyTo(buffer);
        return Quantize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private Dictionary<string, float[]> Calibrate(ModelProto model, List<NodeProto> eligible)
    {
        List<string> inputs = [.. eligible
            .Where(node => _settings.SmoothedNodes.Contains(node.Name) || _settings.OutlierChannelNodes.Contains(node.Name))
            .Select(node => node.Input[0])
            .Distinct(StringComparer.Ordinal)];
        if (inputs.Count == 0)
        {
            return [];
        }

        long started = Stopwatch.GetTimestamp();
        Dictionary<string, float[]> maxima = ActivationCalibrator.MeasureChannelMaxima(model, inputs, _settings.CalibrationSequences);
        QuantizationLog.ActivationsCalibrated(_logger, inputs.Count, _settings.CalibrationSequences.Count, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return maxima;
    }

    private static void EnsureMicrosoftOpsetImport(ModelProto model)
    {
        if (model.OpsetImport.Any(import => import.Domain == MatMulWeightRewriter.MicrosoftDomain))
        {
            return;
        }

        // DynamicQuantizeMatMul and MatMulNBits are both in version 1 of the com.microsoft domain.
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = MatMulWeightRewriter.MicrosoftDomain, Version = 1 });
    }
}
