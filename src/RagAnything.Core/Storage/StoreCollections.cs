namespace RagAnything.Storage;

/// <summary>
/// Names of the store collections the core writes, shared so every provider sees the same layout.
/// </summary>
public static class StoreCollections
{
    /// <summary>The key-value collection of chunk records and the vector collection of chunk embeddings.</summary>
    public const string Chunks = "chunks";

    /// <summary>The key-value collection that lists each document's chunk ids, for deletion.</summary>
    public const string DocumentChunks = "document-chunks";

    /// <summary>The blob-key prefix of original document bytes.</summary>
    public const string OriginalsPrefix = "originals/";
}
