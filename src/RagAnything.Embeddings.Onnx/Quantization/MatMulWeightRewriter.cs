using Onnx;

namespace RagAnything.Embeddings.Onnx.Quantization;

/// <summary>
/// Replaces weight <c>MatMul</c> nodes of one graph with <c>DynamicQuantizeMatMul</c> and adds their int8 initializers.
/// Each distinct weight is quantized once, even when several nodes share it.
/// </summary>
internal sealed class MatMulWeightRewriter
{
    /// <summary>Operator domain of ONNX Runtime's contrib operators.</summary>
    public const string MicrosoftDomain = "com.microsoft";

    private const string OperatorName = "DynamicQuantizeMatMul";

    private readonly GraphProto _graph;
    private readonly Dictionary<string, TensorProto> _floatWeights;
    private readonly HashSet<string> _declaredNames;
    private readonly Dictionary<string, QuantizedWeightNames> _quantized = new(StringComparer.Ordinal);
    private readonly ISet<string> _excludedNodes;

    public MatMulWeightRewriter(GraphProto graph, ISet<string> excludedNodes)
    {
        _graph = graph;
        _excludedNodes = excludedNodes;
        _floatWeights = FindConstantFloatWeights(graph);
        _declaredNames = GraphReferences.CollectDeclaredNames(graph);
    }

    /// <summary>Number of nodes rewritten so far.</summary>
    public int RewrittenCount { get; private set; }

    /// <summary>Number of eligible nodes left in float because their name is excluded.</summary>
    public int ExcludedCount { get; private set; }

    /// <summary>Bytes of the distinct float weights quantized so far.</summary>
    public long FloatWeightBytes { get; private set; }

    /// <summary>Bytes of the int8 weights and scales added so far.</summary>
    public long QuantizedWeightBytes { get; private set; }

    /// <summary>
    /// Returns the <c>DynamicQuantizeMatMul</c> replacement for a weight <c>MatMul</c>, or <paramref name="node"/> itself otherwise.
    /// </summary>
    public NodeProto Rewrite(NodeProto node)
    {
        bool isStandardMatMul = node.OpType == "MatMul" && (node.Domain.Length == 0 || node.Domain == "ai.onnx");
        if (!isStandardMatMul || node.Input.Count != 2 || !_floatWeights.TryGetValue(node.Input[1], out TensorProto? weight))
        {
            return node;
        }

        if (_excludedNodes.Contains(node.Name))
        {
            ExcludedCount++;
            return node;
        }

        if (!_quantized.TryGetValue(weight.Name, out QuantizedWeightNames names))
        {
            names = AddQuantizedWeight(weight);
            _quantized.Add(weight.Name, names);
        }

        // Inputs follow the contrib schema: A, B, b_scale. The optional b_zero_point is omitted because it is 0 for symmetric weights.
        NodeProto replacement = new()
        {
            Name = node.Name,
            OpType = OperatorName,
            Domain = MicrosoftDomain,
            DocString = node.DocString,
        };
        replacement.Input.Add(node.Input[0]);
        replacement.Input.Add(names.Values);
        replacement.Input.Add(names.Scales);
        replacement.Output.Add(node.Output);

        RewrittenCount++;
        return replacement;
    }

    /// <summary>
    /// Removes the quantized float initializers, and their value_info entries, that no node or graph output reads any more.
    /// </summary>
    public void RemoveUnreadFloatWeights()
    {
        HashSet<string> readNames = GraphReferences.CollectReadNames(_graph);
        HashSet<string> unread = _quantized.Keys.Where(name => !readNames.Contains(name)).ToHashSet(StringComparer.Ordinal);

        for (int i = _graph.Initializer.Count - 1; i >= 0; i--)
        {
            if (unread.Contains(_graph.Initializer[i].Name))
            {
                _graph.Initializer.RemoveAt(i);
            }
        }

        for (int i = _graph.ValueInfo.Count - 1; i >= 0; i--)
        {
            if (unread.Contains(_graph.ValueInfo[i].Name))
            {
                _graph.ValueInfo.RemoveAt(i);
            }
        }
    }

    private QuantizedWeightNames AddQuantizedWeight(TensorProto weight)
    {
        int rows = checked((int)weight.Dims[0]);
        int columns = checked((int)weight.Dims[1]);
        float[] values = FloatTensorReader.Read(weight);
        PerChannelInt8Weights quantized = PerChannelInt8Weights.Quantize(values, rows, columns, weight.Name);

        QuantizedWeightNames names = new(AllocateName(weight.Name + "_int8"), AllocateName(weight.Name + "_scale"));
        _graph.Initializer.Add(quantized.ToValuesTensor(names.Values, rows, columns));
        _graph.Initializer.Add(quantized.ToScalesTensor(names.Scales));

        FloatWeightBytes += (long)values.Length * sizeof(float);
        QuantizedWeightBytes += quantized.ByteCount;
        return names;
    }

    private string AllocateName(string preferred)
    {
        string name = preferred;
        for (int suffix = 1; !_declaredNames.Add(name); suffix++)
        {
            name = $"{preferred}_{suffix}";
        }

        return name;
    }

    private static Dictionary<string, TensorProto> FindConstantFloatWeights(GraphProto graph)
    {
        // Since IR version 4 an initializer that is also a graph input is only a default that the caller may replace.
        HashSet<string> graphInputs = graph.Input.Select(input => input.Name).ToHashSet(StringComparer.Ordinal);

        Dictionary<string, TensorProto> weights = new(StringComparer.Ordinal);
        foreach (TensorProto initializer in graph.Initializer)
        {
            bool isFloatMatrix = initializer.DataType == (int)TensorProto.Types.DataType.Float
                && initializer.Dims.Count == 2
                && initializer.Dims.All(dim => dim > 0);
            if (isFloatMatrix && !graphInputs.Contains(initializer.Name))
            {
                weights.TryAdd(initializer.Name, initializer);
            }
        }

        return weights;
    }

    private readonly record struct QuantizedWeightNames(string Values, string Scales);
}
