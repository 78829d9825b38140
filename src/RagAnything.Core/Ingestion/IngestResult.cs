using RagAnything.Storage.Documents;

namespace RagAnything.Ingestion;

/// <summary>
/// The result of ingesting one document.
/// </summary>
public sealed record IngestResult
{
    /// <summary>Gets the document id, or <see langword="null"/> when the bytes could not even be read.</summary>
    public string? DocumentId { get; init; }

    /// <summary>Gets the document's safe file name.</summary>
    public required string SourceName { get; init; }

    /// <summary>Gets how the request ended.</summary>
    public IngestOutcome Outcome { get; init; }

    /// <summary>Gets the stored status of the document after the request.</summary>
    public DocumentProcessingStatus Status { get; init; }

    /// <summary>Gets the number of chunks the document has.</summary>
    public int ChunkCount { get; init; }

    /// <summary>Gets the number of pages, slides or sheets.</summary>
    public int PageCount { get; init; }

    /// <summary>Gets the failure, when <see cref="Outcome"/> is <see cref="IngestOutcome.Failed"/>.</summary>
    public DocumentError? Error { get; init; }

    /// <summary>Gets notes from parsing, such as pages without a text layer or a file extension that did not match its content.</summary>
    /// <value>The default is an empty list.</value>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Gets how long the request took.</summary>
    public TimeSpan Elapsed { get; init; }
}
