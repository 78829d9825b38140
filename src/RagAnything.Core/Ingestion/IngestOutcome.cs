namespace RagAnything.Ingestion;

/// <summary>
/// How one ingest request ended.
/// </summary>
public enum IngestOutcome
{
    /// <summary>The document was parsed, chunked, embedded and indexed.</summary>
    Processed,

    /// <summary>The same bytes were ingested before; nothing was done.</summary>
    AlreadyPresent,

    /// <summary>The document failed; <see cref="IngestResult.Error"/> says where and why.</summary>
    Failed,
}
