namespace RagAnything.Storage.Graph;

/// <summary>
/// The part of the graph around one node: the nodes reached within a depth limit and the edges among them.
/// </summary>
/// <param name="Nodes">The nodes, the start node first, then in breadth-first order.</param>
/// <param name="Edges">The edges whose endpoints are both in <paramref name="Nodes"/>, ordered by key.</param>
/// <param name="IsTruncated">Whether nodes within the depth limit were left out because of the node limit.</param>
public sealed record GraphSubgraph(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges, bool IsTruncated);
