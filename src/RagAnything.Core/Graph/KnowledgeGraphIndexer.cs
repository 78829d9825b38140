using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagAnything.Caching;
using RagAnything.Chunking;
using RagAnything.Content;
using RagAnything.Modal;
using RagAnything.Storage;
using RagAnything.Storage.Graph;

namespace RagAnything.Graph;

/// <summary>
/// Builds the knowledge graph from a document's chunks and removes a document's contributions from it.
/// </summary>
/// <remarks>
/// Extraction runs outside any lock, several chunks at a time. The read-merge-write of the graph is serialised in
/// this process, so two documents naming the same entity do not overwrite each other's merge.
/// NOTE: that lock does not reach other processes sharing a store; two processes indexing documents that name the
/// same entity at the same moment can lose one merge.
/// </remarks>
internal sealed partial class KnowledgeGraphIndexer(
    IServiceProvider services,
    IGraphStore graph,
    ExtractionCache cache,
    OfflineEntityExtractor offline,
    ModalAnalyzer modal,
    GraphMerger merger,
    GraphVectorWriter vectorWriter,
    ChunkRepository chunkRepository,
    IOptions<KnowledgeGraphOptions> options,
    TimeProvider time,
    ILogger logger)
{
    private readonly SemaphoreSlim _graphLock = new(1, 1);
    private readonly KnowledgeGraphOptions _options = options.Value;
    private ChatEntityExtractor? _chatExtractor;

    /// <summary>
    /// Adds a document to the graph. It describes the document's tables, images and equations, and extracts entities
    /// and relations from every chunk, reusing cached results of the same extractor. Then it merges them into the
    /// graph and writes the entity and relation vectors. Indexing the same document again changes nothing.
    /// </summary>
    public async Task IndexAsync(string documentId, ParsedDocument document, IReadOnlyList<Chunk> chunks, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(chunks);

        var started = time.GetTimestamp();
        var extractor = GetExtractor();
        GraphLog.ExtractionStarted(logger, documentId, extractor.Identity);

        var modalContributions = await modal.AnalyzeAsync(documentId, document, chunks, extractor, cancellationToken).ConfigureAwait(false);
        var (textContributions, cachedChunks) = await ExtractChunksAsync(documentId, chunks, extractor, cancellationToken).ConfigureAwait(false);
        List<ChunkContribution> contributions = [.. textContributions, .. modalContributions];

        var dropped = contributions.Sum(contribution => contribution.Result.DroppedRecords);
        if (dropped > 0)
        {
            GraphLog.RecordsDropped(logger, documentId, dropped);
        }

        GraphMergeResult merged;
        await _graphLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var (nodeKeys, edgeKeys) = GraphMerger.CollectKeys(contributions);
            var storedNodes = await graph.GetNodesAsync(nodeKeys, cancellationToken).ConfigureAwait(false);
            var storedEdges = await graph.GetEdgesAsync(edgeKeys, cancellationToken).ConfigureAwait(false);

            merged = await merger.MergeAsync(contributions, storedNodes, storedEdges, allowModel: true, cancellationToken).ConfigureAwait(false);
            await graph.UpsertNodesAsync(merged.Nodes, cancellationToken).ConfigureAwait(false);
            await graph.UpsertEdgesAsync(merged.Edges, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _graphLock.Release();
        }

        // Embedding is the slow part, so it runs outside the lock. A document merging the same record meanwhile
        // writes its own vector too; the last write wins, and both describe the record as merged by then.
        await vectorWriter.WriteAsync(merged.Nodes, merged.Edges, cancellationToken).ConfigureAwait(false);

        var elapsed = (long)time.GetElapsedTime(started).TotalMilliseconds;
        GraphLog.DocumentIndexed(logger, documentId, merged.Nodes.Count, merged.Edges.Count, chunks.Count, cachedChunks, elapsed);
    }

    private IEntityExtractor GetExtractor()
    {
        var chatClient = services.GetCoreChatClient();
        if (chatClient is null)
        {
            return offline;
        }

        return _chatExtractor ??= new ChatEntityExtractor(chatClient, _options);
    }

    private async Task<(List<ChunkContribution> Contributions, int CachedChunks)> ExtractChunksAsync(
        string documentId,
        IReadOnlyList<Chunk> chunks,
        IEntityExtractor extractor,
        CancellationToken cancellationToken)
    {
        var results = new ExtractionResult?[chunks.Count];
        var fresh = new System.Collections.Concurrent.ConcurrentBag<(string, ExtractionKind, string, ExtractionResult)>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentExtractions, CancellationToken = cancellationToken };

        await Parallel.ForEachAsync(Enumerable.Range(0, chunks.Count), parallel, async (index, token) =>
        {
            var chunk = chunks[index];
            var cached = await cache.GetAsync(chunk.Id, ExtractionKind.Text, extractor.Identity, token).ConfigureAwait(false);
            if (cached is not null)
            {
                results[index] = cached;
                return;
            }

            var result = await extractor.ExtractAsync(chunk, token).ConfigureAwait(false);
            results[index] = result;
            fresh.Add((chunk.Id, ExtractionKind.Text, extractor.Identity, result));
        }).ConfigureAwait(false);

        await cache.SaveAsync(fresh.ToList(), cancellationToken).ConfigureAwait(false);

        var contributions = chunks.Select((chunk, index) => new ChunkContribution(chunk.Id, documentId, results[index]!)).ToList();
        return (contributions, chunks.Count - fresh.Count);
    }
}
