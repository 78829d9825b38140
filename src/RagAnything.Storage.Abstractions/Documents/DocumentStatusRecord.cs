namespace RagAnything.Storage.Documents;

/// <summary>
/// The stored state of one document: identity, source, progress and outcome.
/// </summary>
public sealed record DocumentStatusRecord
{
    /// <summary>Gets the document id, derived from the SHA-256 of the document's bytes.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the file name the document was ingested under, without directories.</summary>
    public required string SourceName { get; init; }

    /// <summary>Gets the media type detected from the content, such as <c>application/pdf</c>.</summary>
    public string? MediaType { get; init; }

    /// <summary>Gets the size of the document in bytes.</summary>
    public long Size { get; init; }

    /// <summary>Gets the lowercase hexadecimal SHA-256 of the document's bytes.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Gets the current state.</summary>
    public DocumentProcessingStatus Status { get; init; }

    /// <summary>Gets the number of chunks the document produced, once chunked.</summary>
    public int ChunkCount { get; init; }

    /// <summary>Gets the number of pages, slides or sheets, when the format has them.</summary>
    public int PageCount { get; init; }

    /// <summary>Gets the failure when <see cref="Status"/> is <see cref="DocumentProcessingStatus.Failed"/>.</summary>
    public DocumentError? Error { get; init; }

    /// <summary>Gets the key of the original bytes in the blob store.</summary>
    public string? BlobKey { get; init; }

    /// <summary>Gets when the document was first accepted.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when the record last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Gets whether <see cref="Status"/> is terminal (processed or failed).</summary>
    public bool IsTerminal => Status is DocumentProcessingStatus.Processed or DocumentProcessingStatus.Failed;
}
