namespace RagAnything.Graph;

/// <summary>
/// What one chunk contributes to the graph: the records extracted from it, and where it comes from.
/// </summary>
/// <param name="ChunkId">The chunk the records were extracted from.</param>
/// <param name="DocumentId">The chunk's document.</param>
/// <param name="Result">The extracted records.</param>
internal sealed record ChunkContribution(string ChunkId, string DocumentId, ExtractionResult Result);
