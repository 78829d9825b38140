namespace RagAnything.Storage.Graph;

/// <summary>
/// Argument checks for graph records, shared by the store providers so that all of them reject the same input.
/// </summary>
public static class GraphRecordChecks
{
    /// <summary>Throws when a node has no key or name, or a source with an empty id.</summary>
    /// <exception cref="ArgumentException">The node is invalid.</exception>
    public static void ValidateNode(GraphNode node)
    {
        ArgumentNullException.ThrowIfNull(node);

        if (string.IsNullOrWhiteSpace(node.Key))
        {
            throw new ArgumentException($"Graph node '{node.Name}' has an empty key. Derive the key from the normalised name.", nameof(node));
        }

        if (node.Name is null || node.Type is null || node.Description is null || node.Sources is null)
        {
            throw new ArgumentException($"Graph node '{node.Key}' has a null name, type, description or source list.", nameof(node));
        }

        ValidateSources(node.Sources, node.Key);
    }

    /// <summary>Throws when an edge has an empty endpoint, joins a node to itself, or has a source with an empty id.</summary>
    /// <exception cref="ArgumentException">The edge is invalid.</exception>
    public static void ValidateEdge(GraphEdge edge)
    {
        ArgumentNullException.ThrowIfNull(edge);

        if (string.IsNullOrWhiteSpace(edge.Source) || string.IsNullOrWhiteSpace(edge.Target))
        {
            throw new ArgumentException($"Graph edge '{edge.Source}' to '{edge.Target}' has an empty endpoint key.", nameof(edge));
        }

        if (string.Equals(edge.Source, edge.Target, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Graph edge from '{edge.Source}' to itself is not allowed. A relation joins two different entities.", nameof(edge));
        }

        if (edge.Keywords is null || edge.Description is null || edge.Sources is null || !double.IsFinite(edge.Weight))
        {
            throw new ArgumentException($"Graph edge '{edge.Key}' has a null field or a weight that is not a finite number ({edge.Weight}).", nameof(edge));
        }

        ValidateSources(edge.Sources, edge.Key);
    }

    /// <summary>Returns the sources without repeats, in order of first appearance.</summary>
    public static IReadOnlyList<GraphSource> DistinctSources(IReadOnlyList<GraphSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);

        var seen = new HashSet<GraphSource>();
        var distinct = new List<GraphSource>(sources.Count);
        foreach (var source in sources)
        {
            if (seen.Add(source))
            {
                distinct.Add(source);
            }
        }

        return distinct;
    }

    private static void ValidateSources(IReadOnlyList<GraphSource> sources, string owner)
    {
        foreach (var source in sources)
        {
            if (source is null || string.IsNullOrEmpty(source.DocumentId) || string.IsNullOrEmpty(source.ChunkId))
            {
                throw new ArgumentException($"Graph record '{owner}' has a source with an empty document or chunk id.", nameof(sources));
            }
        }
    }
}
