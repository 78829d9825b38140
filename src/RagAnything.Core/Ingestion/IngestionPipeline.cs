using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RagAnything.Chunking;
using RagAnything.Content;
using RagAnything.Diagnostics;
using RagAnything.Errors;
using RagAnything.Ingestion.Engine;
using RagAnything.Parsing;
using RagAnything.Storage;
using RagAnything.Storage.Blobs;
using RagAnything.Storage.Documents;
using RagAnything.Storage.Keyword;
using RagAnything.Storage.Vectors;

namespace RagAnything.Ingestion;

/// <summary>
/// Runs documents through the stages parse, chunk, embed and index, each a pool of workers behind a bounded
/// channel, so different documents are in different stages at once and a slow stage holds back the ones before it.
/// </summary>
/// <remarks>
/// Every stage is idempotent: ids come from content hashes and writes are upserts, so a document left in a
/// non-terminal state by a crash is processed again from its stored original without duplicating anything.
/// </remarks>
internal sealed partial class IngestionPipeline : IAsyncDisposable, IDisposable
{
    private readonly IServiceProvider _services;
    private readonly IDocumentStatusStore _statuses;
    private readonly IBlobStore _blobs;
    private readonly ChunkRepository _chunks;
    private readonly IVectorStore _vectors;
    private readonly IKeywordIndex _keywords;
    private readonly IChunker _chunker;
    private readonly IngestionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IngestionEventHub _events;
    private readonly EmbeddingBatcher _batcher;
    private readonly StatusWriteBehind _statusWriter;
    private readonly PipelineMetrics _metrics;
    private readonly Graph.KnowledgeGraphIndexer? _graphIndexer;
    private readonly Caching.IIndexGeneration? _indexGeneration;
    private readonly ConcurrentDictionary<string, DocumentWork> _active = new(StringComparer.Ordinal);
    private readonly Lazy<StageWorkerPool[]> _stages;
    private int _disposed;

    public IngestionPipeline(PipelineDependencies dependencies)
    {
        _services = dependencies.Services;
        _statuses = dependencies.Statuses;
        _blobs = dependencies.Blobs;
        _chunks = dependencies.Chunks;
        _vectors = dependencies.Vectors;
        _keywords = dependencies.Keywords;
        _chunker = dependencies.Chunker;
        _options = dependencies.Options;
        _time = dependencies.Time;
        _logger = dependencies.Logger;
        _events = dependencies.Events;
        _graphIndexer = dependencies.GraphIndexer;
        _indexGeneration = dependencies.Services.GetService<Caching.IIndexGeneration>();
        _batcher = new EmbeddingBatcher(dependencies.Embeddings, _options.EmbeddingBatchSize, _options.EmbeddingBatchDelay, _options.EmbeddingConcurrency, _time);
        _statusWriter = new StatusWriteBehind(_statuses, _options.StatusFlushInterval, _options.StatusFlushCount, _time);
        _stages = new Lazy<StageWorkerPool[]>(CreateStages, LazyThreadSafetyMode.ExecutionAndPublication);
        _metrics = new PipelineMetrics(
            dependencies.MeterFactory,
            () => _stages.IsValueCreated ? _stages.Value : [],
            () => _statusWriter.WriteCount,
            () => _batcher.BatchCount);
    }

    /// <summary>Gets the number of batch writes made to the status store so far.</summary>
    public long StatusWriteCount => _statusWriter.WriteCount;

    /// <summary>Gets the number of embedding model calls made so far.</summary>
    public long EmbeddingBatchCount => _batcher.BatchCount;

    public Task<IngestResult> IngestAsync(DocumentSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);

        return AcceptAsync(source.Name, source.Sha256, source.Content.Length, source.Content, token => ParseAsync(source, token), cancellationToken);
    }

    public Task<IngestResult> IngestContentAsync(string sourceName, IReadOnlyList<ContentItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);

        var safeName = SafeFileName.From(sourceName);
        var json = JsonSerializer.SerializeToUtf8Bytes(items.ToList(), CoreJsonContext.Default.ListContentItem);
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(json));
        var document = new ParsedDocument
        {
            SourceName = safeName,
            MediaType = ContentListMediaType,
            Sha256 = sha256,
            Size = json.Length,
            PageCount = items.Count == 0 ? 1 : items.Max(item => item.PageIndex) + 1,
            Items = items,
        };

        return AcceptAsync(safeName, sha256, json.Length, json, _ => ValueTask.FromResult(document), cancellationToken);
    }

    public async IAsyncEnumerable<IngestResult> IngestFilesAsync(IEnumerable<string> paths, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);

        var results = System.Threading.Channels.Channel.CreateUnbounded<IngestResult>(new System.Threading.Channels.UnboundedChannelOptions { SingleReader = true });
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentDocuments, CancellationToken = cancellationToken };

        var producer = Task.Run(
            async () =>
            {
                try
                {
                    await Parallel.ForEachAsync(paths, parallel, async (path, token) =>
                    {
                        var result = await IngestFileAsync(path, token).ConfigureAwait(false);
                        await results.Writer.WriteAsync(result, token).ConfigureAwait(false);
                    }).ConfigureAwait(false);

                    results.Writer.Complete();
                }
                catch (Exception exception)
                {
                    results.Writer.Complete(exception);
                }
            },
            CancellationToken.None);

        await foreach (var result in results.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return result;
        }

        await producer.ConfigureAwait(false);
    }

    public IAsyncEnumerable<IngestionProgress> WatchAsync(CancellationToken cancellationToken) => _events.SubscribeAsync(cancellationToken);

    /// <summary>
    /// Queues every document the store holds in a non-terminal state and waits until they finish.
    /// </summary>
    /// <returns>The results of the resumed documents.</returns>
    public async Task<IReadOnlyList<IngestResult>> RecoverAsync(CancellationToken cancellationToken)
    {
        var leftovers = new List<DocumentStatusRecord>();
        foreach (var status in NonTerminalStatuses)
        {
            string? continuation = null;
            do
            {
                var page = await _statuses.ListAsync(new DocumentStatusQuery { Status = status, PageSize = 500, ContinuationToken = continuation }, cancellationToken).ConfigureAwait(false);
                leftovers.AddRange(page.Items.Where(record => !_active.ContainsKey(record.Id)));
                continuation = page.ContinuationToken;
            }
            while (continuation is not null);
        }

        Log.RecoveryStarted(_logger, leftovers.Count);
        var results = await Task.WhenAll(leftovers.Select(record => ResumeFromOriginalAsync(record, cancellationToken))).ConfigureAwait(false);
        return results;
    }

    /// <summary>Processes a stored document again from its original bytes, whatever its status.</summary>
    /// <returns>The result, or <see langword="null"/> when the id is unknown.</returns>
    public async Task<IngestResult?> ReprocessAsync(string documentId, CancellationToken cancellationToken)
    {
        if (_active.TryGetValue(documentId, out var running))
        {
            return await running.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        var record = await GetCurrentAsync(documentId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return null;
        }

        return await ResumeFromOriginalAsync(record with { Status = DocumentProcessingStatus.Pending, Error = null }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Cancels one document that is being processed; the others go on.</summary>
    /// <returns><see langword="true"/> when the document was in the pipeline.</returns>
    public bool Cancel(string documentId)
    {
        if (!_active.TryGetValue(documentId, out var work))
        {
            return false;
        }

        work.Cancel();
        return true;
    }

    /// <summary>Returns the stored status, with changes still waiting in the write-behind buffer applied.</summary>
    public async ValueTask<DocumentStatusRecord?> GetCurrentAsync(string documentId, CancellationToken cancellationToken)
        => _statusWriter.TryGetPending(documentId) ?? await _statuses.GetAsync(documentId, cancellationToken).ConfigureAwait(false);

    /// <summary>Writes buffered status changes now.</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => _statusWriter.FlushAsync(cancellationToken);

    /// <summary>Returns the queue length and in-flight count of every stage.</summary>
    public IReadOnlyList<StageSnapshot> GetStages()
        => _stages.IsValueCreated ? _stages.Value.Select(stage => new StageSnapshot(stage.Name, stage.WorkerCount, stage.QueueLength, stage.InFlight)).ToList() : [];

    public async Task<bool> DeleteAsync(string documentId, CancellationToken cancellationToken)
    {
        if (_active.TryGetValue(documentId, out var running))
        {
            running.Cancel();
            await running.Completion.Task.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        }

        // Buffered status changes would otherwise be written after the delete and bring the record back.
        await _statusWriter.FlushAsync(cancellationToken).ConfigureAwait(false);

        var record = await _statuses.GetAsync(documentId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return false;
        }

        // The graph reads the document's chunk ids to find its cached extractions, so it goes before the chunks.
        if (_graphIndexer is not null)
        {
            await _graphIndexer.RemoveDocumentAsync(documentId, cancellationToken).ConfigureAwait(false);
        }

        await _keywords.DeleteDocumentAsync(documentId, cancellationToken).ConfigureAwait(false);
        await _vectors.DeleteDocumentAsync(documentId, cancellationToken).ConfigureAwait(false);
        await _chunks.DeleteDocumentAsync(documentId, cancellationToken).ConfigureAwait(false);
        if (record.BlobKey is not null)
        {
            await _blobs.DeleteAsync(record.BlobKey, cancellationToken).ConfigureAwait(false);
        }

        await _statuses.DeleteAsync(documentId, cancellationToken).ConfigureAwait(false);
        _indexGeneration?.Advance();
        Log.DocumentDeleted(_logger, documentId, record.SourceName);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        foreach (var work in _active.Values)
        {
            work.Cancel();
        }

        if (_stages.IsValueCreated)
        {
            foreach (var stage in _stages.Value)
            {
                await stage.CompleteAsync().ConfigureAwait(false);
            }
        }

        await _batcher.DisposeAsync().ConfigureAwait(false);
        await _statusWriter.DisposeAsync().ConfigureAwait(false);
        _metrics.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private const string ContentListMediaType = "application/vnd.raganything.content-list+json";

    private static readonly DocumentProcessingStatus[] NonTerminalStatuses =
    [
        DocumentProcessingStatus.Pending,
        DocumentProcessingStatus.Parsing,
        DocumentProcessingStatus.Chunking,
        DocumentProcessingStatus.Embedding,
        DocumentProcessingStatus.Indexing,
    ];
}
