using Onnx;

namespace RagAnything.Embeddings.Onnx.Quantization;

/// <summary>
/// Finds the bias <c>Add</c> after a <c>MatMul</c> that can move into <c>DynamicQuantizeMatMul</c>'s bias input: the
/// only reader of the product, adding a constant float vector with one value per output column.
/// </summary>
internal sealed class BiasAddFinder
{
    private readonly GraphProto _graph;
    private readonly Dictionary<string, int> _readerCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NodeProto> _lastReaders = new(StringComparer.Ordinal);
    private readonly HashSet<string> _graphOutputs;

    /// <summary>Indexes the readers of every value in <paramref name="graph"/>, which must not change afterwards.</summary>
    public BiasAddFinder(GraphProto graph)
    {
        _graph = graph;
        _graphOutputs = graph.Output.Select(output => output.Name).ToHashSet(StringComparer.Ordinal);

        foreach (NodeProto node in graph.Node)
        {
            foreach (string input in node.Input.Distinct())
            {
                _readerCounts[input] = _readerCounts.GetValueOrDefault(input) + 1;
                _lastReaders[input] = node;
            }
        }

        // A subgraph that reads the product by name also counts, so a bias Add is never folded away from under it.
        foreach (string name in graph.Node.SelectMany(node => node.Attribute).SelectMany(CollectSubgraphReads).Distinct())
        {
            _readerCounts[name] = _readerCounts.GetValueOrDefault(name) + 1;
        }
    }

    /// <summary>
    /// Returns the foldable bias <c>Add</c> that reads <paramref name="product"/>, or <see langword="null"/> when there is none.
    /// </summary>
    /// <param name="product">The output of the <c>MatMul</c>.</param>
    /// <param name="columns">The weight's column count, which the bias length must equal.</param>
    public NodeProto? Find(string product, long columns)
    {
        if (_graphOutputs.Contains(product) || _readerCounts.GetValueOrDefault(product) != 1)
        {
            return null;
        }

        NodeProto add = _lastReaders[product];
        bool isStandardAdd = add.OpType == "Add" && (add.Domain.Length == 0 || add.Domain == "ai.onnx") && add.Input.Count == 2;
        if (!isStandardAdd || add.Input[0] == add.Input[1])
        {
            return null;
        }

        bool isBiasVector = FindConstantFloatTensor(BiasOf(add, product)) is { } bias && bias.Dims.Count == 1 && bias.Dims[0] == columns;
        return isBiasVector ? add : null;
    }

    /// <summary>Returns the input of <paramref name="add"/> that is not <paramref name="product"/>.</summary>
    public static string BiasOf(NodeProto add, string product) => add.Input[0] == product ? add.Input[1] : add.Input[0];

    private TensorProto? FindConstantFloatTensor(string name)
    {
        // Since IR version 4 an initializer that is also a graph input is only a default that the caller may replace.
        bool isGraphInput = _graph.Input.Any(input => input.Name == name);
        TensorProto? tensor = _graph.Initializer.FirstOrDefault(initializer => initializer.Name == name);
        return !isGraphInput && tensor?.DataType == (int)TensorProto.Types.DataType.Float ? tensor : null;
    }

    private static IEnumerable<string> CollectSubgraphReads(AttributeProto attribute)
    {
        IEnumerable<GraphProto> subgraphs = attribute.G is null ? attribute.Graphs : attribute.Graphs.Prepend(attribute.G);
        return subgraphs.SelectMany(GraphReferences.CollectReadNames);
    }
}
