using Onnx;

namespace RagAnything.Embeddings.Onnx.Quantization;

/// <summary>
/// Replaces the weight <c>MatMul</c> nodes of one graph with <c>DynamicQuantizeMatMul</c> or <c>MatMulNBits</c>, adds their int8
/// initializers and, where <see cref="QuantizationSettings"/> selects them, the smoothing <c>Mul</c>, the float
/// outlier-channel product and the folded bias. Each distinct weight without a channel transform is quantized once, even when several
/// nodes share it.
/// </summary>
internal sealed class MatMulWeightRewriter
{
    /// <summary>Operator domain of ONNX Runtime's contrib operators.</summary>
    public const string MicrosoftDomain = "com.microsoft";

    // MatMulNBits computes with int8 activations, quantized per block of each row, only from accuracy level 4.
    private const long Int8AccuracyLevel = 4;
    private const long WeightBits = 8;

    private readonly GraphProto _graph;
    private readonly QuantizationSettings _settings;
    private readonly Dictionary<string, TensorProto> _floatWeights;
    private readonly HashSet<string> _declaredNames;
    private readonly HashSet<string> _nodeNames;
    private readonly Dictionary<string, QuantizedWeightNames> _quantized = new(StringComparer.Ordinal);
    private readonly HashSet<string> _replacedWeights = new(StringComparer.Ordinal);

    public MatMulWeightRewriter(GraphProto graph, QuantizationSettings settings)
    {
        _graph = graph;
        _settings = settings;
        _floatWeights = FindConstantFloatWeights(graph);
        _declaredNames = GraphReferences.CollectDeclaredNames(graph);
        _nodeNames = graph.Node.Select(node => node.Name).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Number of nodes rewritten so far.</summary>
    public int RewrittenCount { get; private set; }

    /// <summary>Number of eligible nodes left in float because their name is excluded.</summary>
    public int ExcludedCount { get; private set; }

    /// <summary>Number of rewritten nodes whose input was smoothed.</summary>
    public int SmoothedCount { get; private set; }

    /// <summary>Number of rewritten nodes with input channels multiplied in float.</summary>
    public int OutlierSplitCount { get; private set; }

    /// <summary>Number of bias <c>Add</c> nodes moved into the quantized nodes.</summary>
    public int FoldedBiasCount { get; private set; }

    /// <summary>Bytes of the distinct float weights quantized so far.</summary>
    public long FloatWeightBytes { get; private set; }

    /// <summary>Bytes of the int8 weights, scales and float outlier rows added so far.</summary>
    public long QuantizedWeightBytes { get; private set; }

    /// <summary>
    /// Returns the weight <c>MatMul</c> nodes that will be rewritten, in graph order: standard <c>MatMul</c> nodes whose
    /// second input is a constant 2-D float initializer and whose name is not excluded.
    /// </summary>
    public List<NodeProto> FindEligibleNodes()
    {
        List<NodeProto> eligible = [];
        foreach (NodeProto node in _graph.Node)
        {
            bool isStandardMatMul = node.OpType == "MatMul" && (node.Domain.Length == 0 || node.Domain == "ai.onnx");
            if (!isStandardMatMul || node.Input.Count != 2 || !_floatWeights.ContainsKey(node.Input[1]))
            {
                continue;
            }

            if (_settings.ExcludedNodes.Contains(node.Name))
            {
                ExcludedCount++;
                continue;
            }

            eligible.Add(node);
        }

        return eligible;
    }

    /// <summary>
    /// Rewrites <paramref name="eligible"/> in place of the graph's nodes.
    /// </summary>
    /// <param name="eligible">The result of <see cref="FindEligibleNodes"/>.</param>
    /// <param name="channelMaxima">Calibrated max |x| per channel of the inputs of the smoothed and split nodes.</param>
    public void Rewrite(List<NodeProto> eligible, IReadOnlyDictionary<string, float[]> channelMaxima)
    {
        BiasAddFinder biasAdds = new(_graph);

        Dictionary<NodeProto, List<NodeProto>> insertedBefore = [];
        Dictionary<NodeProto, List<NodeProto>> replacements = [];
        HashSet<NodeProto> removed = [];

        // Nodes that read the same input with the same treatment share one smoothing Mul and one Gather.
        var groups = eligible.GroupBy(node => (Input: node.Input[0], Smoothed: _settings.SmoothedNodes.Contains(node.Name), Split: _settings.OutlierChannelNodes.Contains(node.Name)));
        foreach (var group in groups)
        {
            List<NodeProto> nodes = [.. group];
            GroupInput input = group.Key.Smoothed || group.Key.Split
                ? AddChannelTransform(nodes, group.Key.Smoothed, group.Key.Split, channelMaxima, insertedBefore)
                : new GroupInput(group.Key.Input, null, null);

            foreach (NodeProto node in nodes)
            {
                NodeProto? biasAdd = _settings.FoldBiasAdd ? biasAdds.Find(node.Output[0], _floatWeights[node.Input[1]].Dims[1]) : null;
                if (biasAdd is not null)
                {
                    removed.Add(biasAdd);
                    FoldedBiasCount++;
                }

                replacements[node] = BuildReplacement(node, input, biasAdd);
                SmoothedCount += group.Key.Smoothed ? 1 : 0;
                OutlierSplitCount += group.Key.Split ? 1 : 0;
                RewrittenCount++;
            }
        }

        List<NodeProto> rewritten = [];
        foreach (NodeProto node in _graph.Node)
        {
            if (removed.Contains(node))
            {
                continue;
            }

            if (insertedBefore.TryGetValue(node, out List<NodeProto>? before))
            {
                rewritten.AddRange(before);
            }

            if (replacements.TryGetValue(node, out List<NodeProto>? replacement))
            {
                rewritten.AddRange(replacement);
            }
            else
            {
                rewritten.Add(node);
            }
        }

        _graph.Node.Clear();
        _graph.Node.Add(rewritten);
    }

    /// <summary>
    /// Removes the replaced float initializers, and their value_info entries, that no node or graph output reads any more.
    /// </summary>
    public void RemoveUnreadFloatWeights()
    {
        HashSet<string> readNames = GraphReferences.CollectReadNames(_graph);
        HashSet<string> unread = _replacedWeights.Where(name => !readNames.Contains(name)).ToHashSet(StringComparer.Ordinal);

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

    private GroupInput AddChannelTransform(List<NodeProto> nodes, bool smoothed, bool split, IReadOnlyDictionary<string, float[]> channelMaxima, Dictionary<NodeProto, List<NodeProto>> insertedBefore)
    {
        string input = nodes[0].Input[0];
        float[] maxima = channelMaxima[input];
        List<(float[] Values, int Columns)> weights = [.. nodes.Select(node => ReadWeight(node.Input[1], maxima.Length))];
        InputChannelTransform transform = InputChannelTransform.Create(maxima, weights, smoothed ? _settings.SmoothingAlpha : null, split ? _settings.OutlierChannelCount : 0);

        // The new nodes go right before the group's first reader, where the input already exists.
        List<NodeProto> added = [];
        TensorProto multipliers = TensorFactory.Float(AllocateName(input + "_smooth_scale"), transform.InputMultipliers, maxima.Length);
        _graph.Initializer.Add(multipliers);
        string scaled = AllocateName(input + "_smoothed");
        added.Add(TensorFactory.Node("Mul", AllocateNodeName(nodes[0].Name + "_smooth"), [input, multipliers.Name], scaled));
        QuantizedWeightBytes += (long)maxima.Length * sizeof(float);

        string? gathered = null;
        if (transform.FloatChannels.Length > 0)
        {
            TensorProto indices = TensorFactory.Int64(AllocateName(input + "_outlier_channels"), transform.FloatChannels.Select(channel => (long)channel));
            _graph.Initializer.Add(indices);
            gathered = AllocateName(input + "_outliers");
            NodeProto gather = TensorFactory.Node("Gather", AllocateNodeName(nodes[0].Name + "_outlier_gather"), [input, indices.Name], gathered);
            gather.Attribute.Add(new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = -1 });
            added.Add(gather);
        }

        insertedBefore[nodes[0]] = added;
        return new GroupInput(scaled, transform, gathered);
    }

    private List<NodeProto> BuildReplacement(NodeProto node, GroupInput input, NodeProto? biasAdd)
    {
        TensorProto weight = _floatWeights[node.Input[1]];
        QuantizedWeightNames names = input.Transform is null ? GetOrAddSharedQuantizedWeight(weight) : AddQuantizedWeight(weight, input.Transform);

        NodeProto quantized = new()
        {
            Name = node.Name,
            OpType = _settings.Operator.ToString(),
            Domain = MicrosoftDomain,
            DocString = node.DocString,
        };
        quantized.Input.Add([input.Name, names.Values, names.Scales]);
        if (_settings.Operator == QuantizedOperator.MatMulNBits)
        {
            AddNBitsAttributes(quantized, weight);
        }

        string output = node.Output[0];
        if (biasAdd is not null)
        {
            // DynamicQuantizeMatMul's inputs are A, B, b_scale, b_zero_point, bias, and MatMulNBits' are A, B, scales,
            // zero_points, g_idx, bias. The skipped inputs stay empty: zero points are the defaults, 0 and 128.
            int skipped = _settings.Operator == QuantizedOperator.MatMulNBits ? 2 : 1;
            quantized.Input.Add(Enumerable.Repeat(string.Empty, skipped));
            quantized.Input.Add(BiasAddFinder.BiasOf(biasAdd, output));
            output = biasAdd.Output[0];
        }

        if (input.Transform is not { FloatChannels.Length: > 0 } transform)
        {
            quantized.Output.Add(output);
            return [quantized];
        }

        // The float channels' product is added after the quantized one (and after its bias, which commutes).
        string quantizedPart = AllocateName(output + "_quantized");
        string floatPart = AllocateName(output + "_outlier_product");
        quantized.Output.Add(quantizedPart);

        int columns = checked((int)weight.Dims[1]);
        float[] floatRows = transform.SelectFloatRows(FloatTensorReader.Read(weight), columns);
        TensorProto floatWeight = TensorFactory.Float(AllocateName(weight.Name + "_outlier_rows"), floatRows, transform.FloatChannels.Length, columns);
        _graph.Initializer.Add(floatWeight);
        QuantizedWeightBytes += (long)floatRows.Length * sizeof(float);

        NodeProto floatProduct = TensorFactory.Node("MatMul", AllocateNodeName(node.Name + "_outliers"), [input.Gathered!, floatWeight.Name], floatPart);
        NodeProto sum = TensorFactory.Node("Add", AllocateNodeName(node.Name + "_outlier_add"), [quantizedPart, floatPart], output);
        return [quantized, floatProduct, sum];
    }

    private QuantizedWeightNames GetOrAddSharedQuantizedWeight(TensorProto weight)
    {
        if (!_quantized.TryGetValue(weight.Name, out QuantizedWeightNames names))
        {
            names = AddQuantizedWeight(weight, null);
            _quantized.Add(weight.Name, names);
        }

        return names;
    }

    private QuantizedWeightNames AddQuantizedWeight(TensorProto weight, InputChannelTransform? transform)
    {
        int rows = checked((int)weight.Dims[0]);
        int columns = checked((int)weight.Dims[1]);
        float[] values = FloatTensorReader.Read(weight);
        float[] quantizedInput = transform is null ? values : transform.TransformWeights(values, columns);

        QuantizedWeightNames names = new(AllocateName(weight.Name + "_int8"), AllocateName(weight.Name + "_scale"));
        if (_settings.Operator == QuantizedOperator.MatMulNBits)
        {
            BlockwiseInt8Weights quantized = BlockwiseInt8Weights.Quantize(quantizedInput, rows, columns, _settings.BlockSize, weight.Name);
            _graph.Initializer.Add(quantized.ToValuesTensor(names.Values, columns, _settings.BlockSize));
            _graph.Initializer.Add(quantized.ToScalesTensor(names.Scales));
            QuantizedWeightBytes += quantized.ByteCount;
        }
        else
        {
            PerChannelInt8Weights quantized = PerChannelInt8Weights.Quantize(quantizedInput, rows, columns, weight.Name);
            _graph.Initializer.Add(quantized.ToValuesTensor(names.Values, rows, columns));
            _graph.Initializer.Add(quantized.ToScalesTensor(names.Scales));
            QuantizedWeightBytes += quantized.ByteCount;
        }

        if (_replacedWeights.Add(weight.Name))
        {
            FloatWeightBytes += (long)values.Length * sizeof(float);
        }

        return names;
    }

    private void AddNBitsAttributes(NodeProto node, TensorProto weight)
    {
        node.Attribute.Add(IntAttribute("K", weight.Dims[0]));
        node.Attribute.Add(IntAttribute("N", weight.Dims[1]));
        node.Attribute.Add(IntAttribute("bits", WeightBits));
        node.Attribute.Add(IntAttribute("block_size", _settings.BlockSize));
        node.Attribute.Add(IntAttribute("accuracy_level", Int8AccuracyLevel));
    }

    private static AttributeProto IntAttribute(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    private (float[] Values, int Columns) ReadWeight(string name, int expectedRows)
    {
        TensorProto weight = _floatWeights[name];
        if (weight.Dims[0] != expectedRows)
        {
            throw new InvalidDataException(
                $"Weight '{name}' has {weight.Dims[0]} rows, but its MatMul input had {expectedRows} channels during calibration.");
        }

        return (FloatTensorReader.Read(weight), checked((int)weight.Dims[1]));
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

    private string AllocateNodeName(string preferred)
    {
        string name = preferred;
        for (int suffix = 1; !_nodeNames.Add(name); suffix++)
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

    /// <summary>The tensor a group's quantized nodes read, its channel transform, and the gathered float channels.</summary>
    private readonly record struct GroupInput(string Name, InputChannelTransform? Transform, string? Gathered);
}
