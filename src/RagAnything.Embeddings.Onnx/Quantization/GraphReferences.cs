using Onnx;

namespace RagAnything.Embeddings.Onnx.Quantization;

/// <summary>
/// Finds which value names a graph reads, so an initializer is only removed when nothing refers to it any more.
/// </summary>
internal static class GraphReferences
{
    /// <summary>
    /// Collects the names read by any node of <paramref name="graph"/> or of its subgraphs (If, Loop, Scan bodies),
    /// plus the names of the graph outputs.
    /// </summary>
    public static HashSet<string> CollectReadNames(GraphProto graph)
    {
        HashSet<string> names = new(StringComparer.Ordinal);
        AddReadNames(graph, names);

        foreach (ValueInfoProto output in graph.Output)
        {
            names.Add(output.Name);
        }

        return names;
    }

    /// <summary>
    /// Collects every name the graph declares (inputs, outputs, initializers, node inputs and outputs), for choosing new unique names.
    /// </summary>
    public static HashSet<string> CollectDeclaredNames(GraphProto graph)
    {
        HashSet<string> names = CollectReadNames(graph);
        names.UnionWith(graph.Input.Select(input => input.Name));
        names.UnionWith(graph.Initializer.Select(initializer => initializer.Name));
        names.UnionWith(graph.ValueInfo.Select(info => info.Name));
        names.UnionWith(graph.Node.SelectMany(node => node.Output));
        return names;
    }

    private static void AddReadNames(GraphProto graph, HashSet<string> names)
    {
        foreach (NodeProto node in graph.Node)
        {
            names.UnionWith(node.Input);

            // Subgraphs can read outer-scope initializers by name without listing them as node inputs.
            foreach (AttributeProto attribute in node.Attribute)
            {
                if (attribute.G is not null)
                {
                    AddReadNames(attribute.G, names);
                }

                foreach (GraphProto subgraph in attribute.Graphs)
                {
                    AddReadNames(subgraph, names);
                }
            }
        }
    }
}
