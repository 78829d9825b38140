using RagAnything.Ingestion;

namespace RagAnything.Hosting.Endpoints.Contracts;

/// <summary>One pipeline progress event of a document, as sent on the progress streams.</summary>
internal sealed record ProgressResponse(string DocumentId, string DocumentName, string Status, string Stage, int Percent, int ChunkCount, ErrorResponse? Error, DateTimeOffset Timestamp)
{
    public static ProgressResponse From(IngestionProgress progress)
        => new(progress.DocumentId, progress.SourceName, ApiNames.Of(progress.Status), progress.Stage, progress.Percent, progress.ChunkCount, ErrorResponse.From(progress.Error), progress.Timestamp);
}
