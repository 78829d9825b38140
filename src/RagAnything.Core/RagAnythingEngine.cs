using RagAnything.Content;
using RagAnything.Ingestion;
using RagAnything.Parsing;
using RagAnything.Query;

namespace RagAnything;

/// <summary>
/// The default <see cref="IRagAnything"/>: an ingestion pipeline and a query engine over the registered stores.
/// </summary>
internal sealed class RagAnythingEngine(IngestionPipeline pipeline, QueryEngine queries) : IRagAnything
{
    public Task<IngestResult> IngestAsync(DocumentSource source, CancellationToken cancellationToken = default)
        => pipeline.IngestAsync(source, cancellationToken);

    public Task<IngestResult> IngestContentAsync(string sourceName, IReadOnlyList<ContentItem> items, CancellationToken cancellationToken = default)
        => pipeline.IngestContentAsync(sourceName, items, cancellationToken);

    public IAsyncEnumerable<IngestResult> IngestFilesAsync(IEnumerable<string> paths, CancellationToken cancellationToken = default)
        => pipeline.IngestFilesAsync(paths, cancellationToken);

    public Task<IReadOnlyList<IngestResult>> RecoverAsync(CancellationToken cancellationToken = default)
        => pipeline.RecoverAsync(cancellationToken);

    public Task<IngestResult?> ReprocessAsync(string documentId, CancellationToken cancellationToken = default)
        => pipeline.ReprocessAsync(documentId, cancellationToken);

    public bool CancelDocument(string documentId) => pipeline.Cancel(documentId);

    public ValueTask<Storage.Documents.DocumentStatusRecord?> GetDocumentAsync(string documentId, CancellationToken cancellationToken = default)
        => pipeline.GetCurrentAsync(documentId, cancellationToken);

    public IReadOnlyList<StageSnapshot> GetPipelineStages() => pipeline.GetStages();

    public IAsyncEnumerable<IngestionProgress> WatchAsync(CancellationToken cancellationToken = default)
        => pipeline.WatchAsync(cancellationToken);

    public Task<QueryResult> QueryAsync(QueryRequest request, CancellationToken cancellationToken = default)
        => queries.QueryAsync(request, cancellationToken);

    public IAsyncEnumerable<QueryStreamItem> QueryStreamingAsync(QueryRequest request, CancellationToken cancellationToken = default)
        => queries.QueryStreamingAsync(request, cancellationToken);

    public Task<IReadOnlyList<Citation>> RetrieveAsync(QueryRequest request, CancellationToken cancellationToken = default)
        => queries.RetrieveAsync(request, cancellationToken);

    public Task<QueryContext> RetrieveContextAsync(QueryRequest request, CancellationToken cancellationToken = default)
        => queries.RetrieveContextAsync(request, cancellationToken);

    public Task<bool> DeleteAsync(string documentId, CancellationToken cancellationToken = default)
        => pipeline.DeleteAsync(documentId, cancellationToken);
}
