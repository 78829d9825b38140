namespace RagAnything.Storage.Vectors;

/// <summary>
/// One vector with the id of what it embeds and the document it came from.
/// </summary>
/// <param name="Id">The id of the embedded item, such as a chunk id. Unique within a collection.</param>
/// <param name="DocumentId">The document the item belongs to, used by filters and deletion.</param>
/// <param name="Vector">The embedding. Its length must equal the collection's dimension.</param>
public sealed record VectorRecord(string Id, string DocumentId, ReadOnlyMemory<float> Vector);
