namespace RagAnything.Storage.Documents;

/// <summary>
/// A filter and page request for <see cref="IDocumentStatusStore.ListAsync"/>.
/// </summary>
public sealed record DocumentStatusQuery
{
    /// <summary>Gets the status to match, or <see langword="null"/> for every status.</summary>
    public DocumentProcessingStatus? Status { get; init; }

    /// <summary>Gets a substring that the source name must contain (ordinal, case-insensitive), or <see langword="null"/>.</summary>
    public string? NameContains { get; init; }

    /// <summary>Gets the maximum number of records to return.</summary>
    /// <value>The default is 100.</value>
    public int PageSize { get; init; } = 100;

    /// <summary>Gets the continuation token from the previous page, or <see langword="null"/> for the first page.</summary>
    public string? ContinuationToken { get; init; }
}
