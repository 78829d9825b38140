using RagAnything.Storage.Graph;

namespace RagAnything.Storage.InMemory;

/// <summary>
/// An <see cref="IGraphStore"/> that keeps the graph in process memory. Nothing survives the process.
/// </summary>
/// <remarks>
/// Safe for concurrent use: one lock guards the graph, and every call holds it only for in-memory work,
/// so each batch is atomic for readers. Records are immutable and source lists are copied on the way in.
/// </remarks>
public sealed class InMemoryGraphStore : IGraphStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, GraphNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GraphEdge> _edges = new(StringComparer.Ordinal);

    // The keys of the edges that touch each node, sorted so that neighbour lists come out in key order.
    private readonly Dictionary<string, SortedSet<string>> _adjacency = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public ValueTask UpsertNodesAsync(IReadOnlyList<GraphNode> nodes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        foreach (var node in nodes)
        {
            GraphRecordChecks.ValidateNode(node);
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            foreach (var node in nodes)
            {
                _nodes[node.Key] = node with { Sources = GraphRecordChecks.DistinctSources(node.Sources) };
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask UpsertEdgesAsync(IReadOnlyList<GraphEdge> edges, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edges);
        foreach (var edge in edges)
        {
            GraphRecordChecks.ValidateEdge(edge);
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            foreach (var edge in edges)
            {
                var stored = edge.InCanonicalOrder() with { Sources = GraphRecordChecks.DistinctSources(edge.Sources) };
                _edges[stored.Key] = stored;
                Adjacent(stored.Source).Add(stored.Key);
                Adjacent(stored.Target).Add(stored.Key);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask<GraphNode?> GetNodeAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();

        lock (_gate)
        {
            return ValueTask.FromResult(_nodes.GetValueOrDefault(key));
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyDictionary<string, GraphNode>> GetNodesAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();

        var found = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var key in keys)
            {
                if (_nodes.TryGetValue(key, out var node))
                {
                    found[key] = node;
                }
            }
        }

        return ValueTask.FromResult<IReadOnlyDictionary<string, GraphNode>>(found);
    }

    /// <inheritdoc/>
    public ValueTask<GraphEdge?> GetEdgeAsync(string source, string target, CancellationToken cancellationToken = default)
    {
        var key = GraphKeys.EdgeKey(source, target);
        cancellationToken.ThrowIfCancellationRequested();

        lock (_gate)
        {
            return ValueTask.FromResult(_edges.GetValueOrDefault(key));
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyDictionary<string, GraphEdge>> GetEdgesAsync(IReadOnlyCollection<string> edgeKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edgeKeys);
        cancellationToken.ThrowIfCancellationRequested();

        var found = new Dictionary<string, GraphEdge>(StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var key in edgeKeys)
            {
                if (_edges.TryGetValue(key, out var edge))
                {
                    found[key] = edge;
                }
            }
        }

        return ValueTask.FromResult<IReadOnlyDictionary<string, GraphEdge>>(found);
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<GraphEdge>> GetNodeEdgesAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();

        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<GraphEdge>>(EdgesOf(key));
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<GraphNode>> GetNeighborsAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();

        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<GraphNode>>(NeighborsOf(key));
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyDictionary<string, int>> GetDegreesAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();

        var degrees = new Dictionary<string, int>(StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var key in keys)
            {
                degrees[key] = _adjacency.TryGetValue(key, out var edgeKeys) ? edgeKeys.Count : 0;
            }
        }

        return ValueTask.FromResult<IReadOnlyDictionary<string, int>>(degrees);
    }

    /// <inheritdoc/>
    public ValueTask<GraphSubgraph> GetSubgraphAsync(string key, int maxDepth, int maxNodes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDepth);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNodes, 1);
        cancellationToken.ThrowIfCancellationRequested();

        lock (_gate)
        {
            var walk = GraphWalk.Run(key, maxDepth, maxNodes, _nodes.GetValueOrDefault, NeighborsOf);
            var included = new HashSet<string>(walk.Nodes.Select(node => node.Key), StringComparer.Ordinal);
            var edges = walk.Nodes
                .SelectMany(node => EdgesOf(node.Key))
                .Where(edge => included.Contains(edge.Source) && included.Contains(edge.Target))
                .DistinctBy(edge => edge.Key)
                .OrderBy(edge => edge.Key, StringComparer.Ordinal)
                .ToList();
            return ValueTask.FromResult(new GraphSubgraph(walk.Nodes, edges, walk.IsTruncated));
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<GraphNode>> SearchLabelsAsync(string text, LabelMatch match, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        cancellationToken.ThrowIfCancellationRequested();

        lock (_gate)
        {
            return ValueTask.FromResult(GraphLabelSearch.SelectMatches(_nodes.Values, text, match, limit));
        }
    }

    /// <inheritdoc/>
    public ValueTask<GraphRemovalResult> RemoveDocumentAsync(string documentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        cancellationToken.ThrowIfCancellationRequested();

        var deletedNodes = new SortedSet<string>(StringComparer.Ordinal);
        var deletedEdges = new SortedSet<string>(StringComparer.Ordinal);
        var changedNodes = new SortedSet<string>(StringComparer.Ordinal);
        var changedEdges = new SortedSet<string>(StringComparer.Ordinal);

        lock (_gate)
        {
            foreach (var edge in _edges.Values.Where(edge => CitesDocument(edge.Sources, documentId)).ToList())
            {
                var remaining = WithoutDocument(edge.Sources, documentId);
                if (remaining.Count == 0)
                {
                    DeleteEdge(edge);
                    deletedEdges.Add(edge.Key);
                }
                else
                {
                    _edges[edge.Key] = edge with { Sources = remaining };
                    changedEdges.Add(edge.Key);
                }
            }

            foreach (var node in _nodes.Values.Where(node => CitesDocument(node.Sources, documentId)).ToList())
            {
                var remaining = WithoutDocument(node.Sources, documentId);
                if (remaining.Count > 0)
                {
                    _nodes[node.Key] = node with { Sources = remaining };
                    changedNodes.Add(node.Key);
                    continue;
                }

                // A relation cannot outlive one of its entities, even when other documents still cite the relation.
                foreach (var edge in EdgesOf(node.Key))
                {
                    DeleteEdge(edge);
                    deletedEdges.Add(edge.Key);
                    changedEdges.Remove(edge.Key);
                }

                _nodes.Remove(node.Key);
                deletedNodes.Add(node.Key);
            }
        }

        return ValueTask.FromResult(new GraphRemovalResult([.. deletedNodes], [.. deletedEdges], [.. changedNodes], [.. changedEdges]));
    }

    /// <inheritdoc/>
    public ValueTask<GraphCounts> CountAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();

        lock (_gate)
        {
            return ValueTask.FromResult(new GraphCounts(_nodes.Count, _edges.Count));
        }
    }

    private static bool CitesDocument(IReadOnlyList<GraphSource> sources, string documentId)
        => sources.Any(source => string.Equals(source.DocumentId, documentId, StringComparison.Ordinal));

    private static List<GraphSource> WithoutDocument(IReadOnlyList<GraphSource> sources, string documentId)
        => sources.Where(source => !string.Equals(source.DocumentId, documentId, StringComparison.Ordinal)).ToList();

    private SortedSet<string> Adjacent(string nodeKey)
    {
        if (!_adjacency.TryGetValue(nodeKey, out var edgeKeys))
        {
            edgeKeys = new SortedSet<string>(StringComparer.Ordinal);
            _adjacency[nodeKey] = edgeKeys;
        }

        return edgeKeys;
    }

    private List<GraphEdge> EdgesOf(string nodeKey)
        => _adjacency.TryGetValue(nodeKey, out var edgeKeys) ? edgeKeys.Select(edgeKey => _edges[edgeKey]).ToList() : [];

    private List<GraphNode> NeighborsOf(string nodeKey)
    {
        return EdgesOf(nodeKey)
            .Select(edge => string.Equals(edge.Source, nodeKey, StringComparison.Ordinal) ? edge.Target : edge.Source)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(neighbor => _nodes.GetValueOrDefault(neighbor))
            .OfType<GraphNode>()
            .ToList();
    }

    private void DeleteEdge(GraphEdge edge)
    {
        _edges.Remove(edge.Key);
        foreach (var endpoint in (string[])[edge.Source, edge.Target])
        {
            if (_adjacency.TryGetValue(endpoint, out var edgeKeys) && edgeKeys.Remove(edge.Key) && edgeKeys.Count == 0)
            {
                _adjacency.Remove(endpoint);
            }
        }
    }
}
