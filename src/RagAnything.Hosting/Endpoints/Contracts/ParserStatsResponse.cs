namespace RagAnything.Hosting.Endpoints.Contracts;

/// <summary>Document counts per media type, and whether the count covers every document.</summary>
internal sealed record ParserStatsResponse(IReadOnlyList<MediaTypeStats> MediaTypes, int DocumentsScanned, bool Complete);
