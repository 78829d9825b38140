namespace RagAnything.Hosting.Endpoints.Contracts;

/// <summary>The chunks a question retrieves, without an answer.</summary>
internal sealed record RetrievalResponse(string Mode, IReadOnlyList<CitationResponse> Citations);
