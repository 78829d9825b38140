namespace RagAnything.Content;

/// <summary>
/// The result of parsing one document: its identity and its ordered content list.
/// </summary>
public sealed record ParsedDocument
{
    /// <summary>Gets the file name the document was ingested under, without directories.</summary>
    public required string SourceName { get; init; }

    /// <summary>Gets the media type the document was parsed as, such as <c>application/pdf</c>.</summary>
    public required string MediaType { get; init; }

    /// <summary>Gets the lowercase hexadecimal SHA-256 of the document's bytes.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Gets the size of the document in bytes.</summary>
    public long Size { get; init; }

    /// <summary>Gets the number of pages, slides or sheets (1 for formats without pages).</summary>
    /// <value>The default is 1.</value>
    public int PageCount { get; init; } = 1;

    /// <summary>Gets the content list in reading order.</summary>
    public required IReadOnlyList<ContentItem> Items { get; init; }

    /// <summary>Gets format metadata such as title, author or detected encoding.</summary>
    /// <value>The default is an empty dictionary.</value>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets notes about content that was skipped or recovered, such as pages without a text layer.</summary>
    /// <value>The default is an empty list.</value>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
