namespace RagAnything.Hosting.Endpoints.Contracts;

/// <summary>The entities around one entity and the relations among them.</summary>
/// <param name="Nodes">The start entity first, then the others in breadth-first order.</param>
/// <param name="Edges">The relations whose endpoints are both in <paramref name="Nodes"/>.</param>
/// <param name="IsTruncated">Whether the node limit left out entities within the requested depth.</param>
internal sealed record GraphSubgraphResponse(IReadOnlyList<GraphNodeResponse> Nodes, IReadOnlyList<GraphEdgeResponse> Edges, bool IsTruncated);
