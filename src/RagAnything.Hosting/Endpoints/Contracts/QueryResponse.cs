namespace RagAnything.Hosting.Endpoints.Contracts;

/// <summary>An answer with its citations.</summary>
internal sealed record QueryResponse(string Answer, string Mode, bool IsExtractive, IReadOnlyList<CitationResponse> Citations);
