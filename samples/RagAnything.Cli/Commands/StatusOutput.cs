namespace RagAnything.Cli.Commands;

/// <summary>
/// The JSON shape printed by <c>rag status --json</c>.
/// </summary>
internal sealed record StatusOutput(IReadOnlyDictionary<string, int> Counts, IReadOnlyList<FailedDocumentOutput> Failed);

/// <summary>
/// One failed document in <see cref="StatusOutput"/>.
/// </summary>
internal sealed record FailedDocumentOutput(string Id, string Name, string Stage, string Category, string Message);
