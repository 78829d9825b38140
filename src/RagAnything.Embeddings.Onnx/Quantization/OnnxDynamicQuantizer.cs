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
    public const int Version = 2;

    private readonly ILogger _logger;
    private readonly HashSet<string> _excludedNodes;

    /// <summary>
    /// Creates a quantizer that rewrites every eligible <c>MatMul</c>.
    /// </summary>
    /// <param name="logger">Receives a summary of each rewrite, or <see langword="null"/> for no logging.</param>
    public OnnxDynamicQuantizer(ILogger? logger = null)
        : this(new QuantizationOptions(), logger)
    {
    }

    /// <summary>
    /// Creates a quantizer that leaves the nodes named in <paramref name="options"/> in float.
    /// </summary>
    /// <param name="options">The nodes to exclude. They are copied, so later changes to the options have no effect.</param>
    /// <param name="logger">Receives a summary of each rewrite, or <see langword="null"/> for no logging.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public OnnxDynamicQuantizer(QuantizationOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);

        _logger = logger ?? NullLogger.Instance;
        _excludedNodes = new HashSet<string>(options.ExcludedNodes, StringComparer.Ordinal);
    }

    /// <summary>Gets the names of the nodes this quantizer leaves in float, sorted ordinally.</summary>
    public IReadOnlyList<string> ExcludedNodes => [.. _excludedNodes.Order(StringComparer.Ordinal)];

    /// <summary>
    /// Quantizes the serialized ONNX model in <paramref name="model"/>.
    /// </summary>
    /// <param name="model">A complete ONNX model with all tensors stored inline.</param>
    /// <returns>The rewritten model, or the input bytes unchanged when no <c>MatMul</c> has a constant float weight.</returns>
    /// <exception cref="InvalidDataException">The bytes are not an ONNX model, or a weight is malformed or not finite.</exception>
    /// <exception cref="NotSupportedException">A weight to be quantized keeps its data in an external file.</exception>
    public QuantizationResult Quantize(ReadOnlySpan<byte> model)
    {
        long started = Stopwatch.GetTimestamp();
        ModelProto parsed = OnnxModelParser.Parse(model);
        GraphProto graph = parsed.Graph;

        MatMulWeightRewriter rewriter = new(graph, _excludedNodes);
        for (int i = 0; i < graph.Node.Count; i++)
        {
            graph.Node[i] = rewriter.Rewrite(graph.Node[i]);
        }

        if (rewriter.RewrittenCount == 0)
        {
            QuantizationLog.NoEligibleMatMul(_logger);
            return new QuantizationResult(model.ToArray(), 0, 0, 0);
        }

        rewriter.RemoveUnreadFloatWeights();
        EnsureMicrosoftOpsetImport(parsed);
        byte[] output = parsed.ToByteArray();

        long elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        QuantizationLog.ModelQuantized(_logger, rewriter.RewrittenCount, rewriter.ExcludedCount, rewriter.FloatWeightBytes, rewriter.QuantizedWeightBytes, elapsedMs);
        return new QuantizationResult(output, rewriter.RewrittenCount, rewriter.FloatWeightBytes, rewriter.QuantizedWeightBytes);
    }

    /// <summary>
    /// Reads <paramref name="model"/> to its end and quantizes it.
    /// </summary>
    /// <param name="model">A readable stream positioned at the start of a complete ONNX model. The caller keeps ownership and disposes it.</param>
    /// <returns>The rewritten model, or the input bytes unchanged when no <c>MatMul</c> has a constant float weight.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidDataException">The bytes are not an ONNX model, or a weight is malformed or not finite.</exception>
    /// <exception cref="NotSupportedException">A weight to be quantized keeps its data in an external file.</exception>
    public QuantizationResult Quantize(Stream model)
    {
        ArgumentNullException.ThrowIfNull(model);

        using MemoryStream buffer = new();
        model.CopyTo(buffer);
        return Quantize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private static void EnsureMicrosoftOpsetImport(ModelProto model)
    {
        if (model.OpsetImport.Any(import => import.Domain == MatMulWeightRewriter.MicrosoftDomain))
        {
            return;
        }

        // DynamicQuantizeMatMul has existed since version 1 of the com.microsoft domain.
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = MatMulWeightRewriter.MicrosoftDomain, Version = 1 });
    }
}
