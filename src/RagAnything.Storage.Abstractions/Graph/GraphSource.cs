namespace RagAnything.Storage.Graph;

/// <summary>
/// One piece of evidence for a node or an edge: the chunk it was extracted from and that chunk's document.
/// </summary>
/// <param name="DocumentId">The document the chunk belongs to. Removing this document removes the source.</param>
/// <param name="ChunkId">The chunk the node or edge was extracted from.</param>
public sealed record GraphSource(string DocumentId, string ChunkId);
