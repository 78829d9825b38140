namespace RagAnything.Cli.Commands;

/// <summary>
/// The JSON shape printed by <c>rag query --json</c>.
/// </summary>
internal sealed record QueryOutput(string Answer, IReadOnlyList<CitationOutput> Citations, string Mode);

/// <summary>
/// One citation in <see cref="QueryOutput"/>: the document name, the 1-based page, the chunk id, the score and the chunk text.
/// </summary>
internal sealed record CitationOutput(string Document, int? Page, string ChunkId, double Score, string Text);
