using RagAnything.Storage.Documents;

namespace RagAnything.Ingestion;

/// <summary>
/// One step of a document's progress through the pipeline.
/// </summary>
public sealed record IngestionProgress
{
    /// <summary>Gets the document id.</summary>
    public required string DocumentId { get; init; }

    /// <summary>Gets the document's file name.</summary>
    public required string SourceName { get; init; }

    /// <summary>Gets the status the document entered.</summary>
    public DocumentProcessingStatus Status { get; init; }

    /// <summary>Gets the pipeline stage, one of the <see cref="PipelineStages"/> names.</summary>
    public required string Stage { get; init; }

    /// <summary>Gets the share of the document's work done, from 0 to 100.</summary>
    public int Percent { get; init; }

    /// <summary>Gets the number of chunks, once known.</summary>
    public int ChunkCount { get; init; }

    /// <summary>Gets the failure when <see cref="Status"/> is <see cref="DocumentProcessingStatus.Failed"/>.</summary>
    public DocumentError? Error { get; init; }

    /// <summary>Gets when the step happened.</summary>
    public DateTimeOffset Timestamp { get; init; }
}
