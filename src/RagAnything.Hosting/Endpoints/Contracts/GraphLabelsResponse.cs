namespace RagAnything.Hosting.Endpoints.Contracts;

/// <summary>The entities whose names match a label search, best match first.</summary>
internal sealed record GraphLabelsResponse(IReadOnlyList<GraphNodeResponse> Items);
