using RagAnything.Storage.Graph;

namespace RagAnything.Hosting.Endpoints.Contracts;

/// <summary>A knowledge-graph entity as the API shows it, with the documents it was extracted from.</summary>
/// <param name="Key">The normalised name that identifies the entity; pass it as <c>entity</c> to the subgraph route.</param>
/// <param name="Name">The name as first written in a document.</param>
/// <param name="Type">The entity type, such as <c>person</c>; empty when unknown.</param>
/// <param name="Description">The description combined from every chunk that mentions the entity.</param>
/// <param name="DocumentIds">The distinct documents the entity was extracted from.</param>
internal sealed record GraphNodeResponse(string Key, string Name, string Type, string Description, IReadOnlyList<string> DocumentIds)
{
    public static GraphNodeResponse From(GraphNode node) => new(node.Key, node.Name, node.Type, node.Description, node.DocumentIds);
}
