namespace RagAnything.Storage.Graph;

/// <summary>
/// Stores the knowledge graph: entity nodes, undirected relation edges, and the chunks and documents each one
/// was extracted from. Implementations are safe for concurrent use and may be shared by several processes.
/// </summary>
/// <remarks>
/// Upserts replace whole records, sources included, so a caller that merges new evidence into a stored node
/// reads it, merges and writes it back. Two writers merging into the same node at once can lose one merge, so
/// callers serialise their merges per graph. The knowledge graph indexer does so within one process.
/// </remarks>
public interface IGraphStore
{
    /// <summary>Inserts or replaces nodes by key, with their sources, in one batch.</summary>
    /// <exception cref="ArgumentException">A node has an empty key.</exception>
    ValueTask UpsertNodesAsync(IReadOnlyList<GraphNode> nodes, CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts or replaces edges by <see cref="GraphEdge.Key"/>, with their sources, in one batch. Endpoints are
    /// stored in the order of <see cref="GraphKeys.EdgeKey"/>. An endpoint need not exist as a node.
    /// </summary>
    /// <exception cref="ArgumentException">An edge has an empty endpoint, or both endpoints are the same node.</exception>
    ValueTask UpsertEdgesAsync(IReadOnlyList<GraphEdge> edges, CancellationToken cancellationToken = default);

    /// <summary>Gets one node, or <see langword="null"/> when the key is unknown.</summary>
    ValueTask<GraphNode?> GetNodeAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Gets several nodes by key. Unknown keys are missing from the result.</summary>
    ValueTask<IReadOnlyDictionary<string, GraphNode>> GetNodesAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default);

    /// <summary>Gets the edge between two nodes in either order, or <see langword="null"/> when there is none.</summary>
    ValueTask<GraphEdge?> GetEdgeAsync(string source, string target, CancellationToken cancellationToken = default);

    /// <summary>Gets several edges by <see cref="GraphEdge.Key"/>. Unknown keys are missing from the result.</summary>
    ValueTask<IReadOnlyDictionary<string, GraphEdge>> GetEdgesAsync(IReadOnlyCollection<string> edgeKeys, CancellationToken cancellationToken = default);

    /// <summary>Returns every edge that touches a node, ordered by key. An unknown node has none.</summary>
    ValueTask<IReadOnlyList<GraphEdge>> GetNodeEdgesAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Returns the stored nodes that share an edge with a node, ordered by key.</summary>
    ValueTask<IReadOnlyList<GraphNode>> GetNeighborsAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Returns the number of edges that touch each node. Every requested key is present, unknown ones with 0.</summary>
    ValueTask<IReadOnlyDictionary<string, int>> GetDegreesAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns the nodes within <paramref name="maxDepth"/> edges of a node, breadth first (neighbours of one node in
    /// key order), at most <paramref name="maxNodes"/> of them, with the edges among them. An unknown start node
    /// gives an empty subgraph.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDepth"/> is negative or <paramref name="maxNodes"/> is less than 1.</exception>
    ValueTask<GraphSubgraph> GetSubgraphAsync(string key, int maxDepth, int maxNodes, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns up to <paramref name="limit"/> nodes whose display name matches <paramref name="text"/> ignoring case
    /// (ordinal comparison), ordered by name length, then by name, then by key. In <see cref="LabelMatch.Contains"/>
    /// mode the names that start with the text come first.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is negative.</exception>
    ValueTask<IReadOnlyList<GraphNode>> SearchLabelsAsync(string text, LabelMatch match, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes every source that belongs to one document. Nodes and edges left without a source are deleted,
    /// and so are the edges of a deleted node. Removing an unknown document changes nothing.
    /// </summary>
    /// <returns>The deleted records, and the ones that lost sources but remain and need rebuilding.</returns>
    ValueTask<GraphRemovalResult> RemoveDocumentAsync(string documentId, CancellationToken cancellationToken = default);

    /// <summary>Returns the number of nodes and edges.</summary>
    ValueTask<GraphCounts> CountAsync(CancellationToken cancellationToken = default);
}
