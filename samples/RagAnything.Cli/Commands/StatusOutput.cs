namespace RagAnything.Cli.Commands;

/// <summary>
/// The JSON shape printed by <c>rag status --json</c>: counts by status, the number of chunk vectors, the embedding
/// model that wrote them (<see langword="null"/> before the first one), and the failed documents.
/// </summary>
internal sealed record StatusOutput(IReadOnlyDictionary<string, int> Counts, long ChunkVectors, string? EmbeddingModel, IReadOnlyList<FailedDocumentOutput> Failed);

/// <summary>
/// One failed document in <see cref="StatusOutput"/>.
/// </summary>
internal sealed record FailedDocumentOutput(string Id, string Name, string Stage, string Category, string Message);
