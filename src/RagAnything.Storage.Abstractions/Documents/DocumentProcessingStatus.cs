namespace RagAnything.Storage.Documents;

/// <summary>
/// The lifecycle state of a document. <see cref="Processed"/> and <see cref="Failed"/> are terminal.
/// </summary>
public enum DocumentProcessingStatus
{
    /// <summary>Accepted and stored, waiting to be processed.</summary>
    Pending,

    /// <summary>Being turned into a content list.</summary>
    Parsing,

    /// <summary>Being split into chunks.</summary>
    Chunking,

    /// <summary>Chunks are being embedded.</summary>
    Embedding,

    /// <summary>Vectors and the keyword index are being written.</summary>
    Indexing,

    /// <summary>Searchable. Terminal.</summary>
    Processed,

    /// <summary>Stopped with an error recorded in <see cref="DocumentStatusRecord.Error"/>. Terminal.</summary>
    Failed,
}
