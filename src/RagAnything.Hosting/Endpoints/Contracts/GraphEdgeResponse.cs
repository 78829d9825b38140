using RagAnything.Storage.Graph;

namespace RagAnything.Hosting.Endpoints.Contracts;

/// <summary>An undirected knowledge-graph relation between the entities with keys <paramref name="Source"/> and <paramref name="Target"/>.</summary>
/// <param name="Source">The key of one endpoint.</param>
/// <param name="Target">The key of the other endpoint.</param>
/// <param name="Keywords">Comma-separated keywords that name the kind of relation.</param>
/// <param name="Description">The description combined from every chunk that states the relation.</param>
/// <param name="Weight">The sum of the weights of every mention of the relation.</param>
/// <param name="DocumentIds">The distinct documents the relation was extracted from.</param>
internal sealed record GraphEdgeResponse(string Source, string Target, string Keywords, string Description, double Weight, IReadOnlyList<string> DocumentIds)
{
    public static GraphEdgeResponse From(GraphEdge edge) => new(edge.Source, edge.Target, edge.Keywords, edge.Description, edge.Weight, edge.DocumentIds);
}
