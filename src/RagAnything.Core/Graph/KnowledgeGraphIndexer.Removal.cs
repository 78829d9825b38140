using RagAnything.Storage.Graph;

namespace RagAnything.Graph;

internal sealed partial class KnowledgeGraphIndexer
{
    /// <summary>
    /// Removes a document's contributions from the graph. Entities and relations that no other document supports are
    /// deleted with their vectors. The others are rebuilt from the cached extraction results of their remaining
    /// chunks without calling the chat model, and their vectors are rewritten. Removing an unknown document does nothing.
    /// </summary>
    /// <remarks>Call it before the document's chunk list is deleted, so that its cached extraction results are deleted too.</remarks>
    public async Task RemoveDocumentAsync(string documentId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);

        await _graphLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var removal = await graph.RemoveDocumentAsync(documentId, cancellationToken).ConfigureAwait(false);
            await vectorWriter.DeleteAsync(removal.DeletedNodeKeys, removal.DeletedEdgeKeys, cancellationToken).ConfigureAwait(false);
            await RebuildAsync(documentId, removal, cancellationToken).ConfigureAwait(false);

            GraphLog.DocumentRemoved(
                logger,
                documentId,
                removal.DeletedNodeKeys.Count,
                removal.DeletedEdgeKeys.Count,
                removal.ChangedNodeKeys.Count,
                removal.ChangedEdgeKeys.Count);
        }
        finally
        {
            _graphLock.Release();
        }

        var chunkIds = await chunkRepository.GetChunkIdsAsync(documentId, cancellationToken).ConfigureAwait(false);
        await cache.DeleteChunksAsync(chunkIds.ToList(), cancellationToken).ConfigureAwait(false);
    }

    private async Task RebuildAsync(string documentId, GraphRemovalResult removal, CancellationToken cancellationToken)
    {
        if (removal.ChangedNodeKeys.Count == 0 && removal.ChangedEdgeKeys.Count == 0)
        {
            return;
        }

        var storedNodes = await graph.GetNodesAsync(removal.ChangedNodeKeys, cancellationToken).ConfigureAwait(false);
        var storedEdges = await graph.GetEdgesAsync(removal.ChangedEdgeKeys, cancellationToken).ConfigureAwait(false);
        var contributions = await LoadContributionsAsync(storedNodes.Values, storedEdges.Values, cancellationToken).ConfigureAwait(false);

        // Merging from scratch (no stored records) recomputes descriptions, types and weights from what remains.
        var rebuilt = await merger.MergeAsync(contributions, new Dictionary<string, GraphNode>(), new Dictionary<string, GraphEdge>(), allowModel: false, cancellationToken).ConfigureAwait(false);
        var rebuiltNodes = rebuilt.Nodes.ToDictionary(node => node.Key, StringComparer.Ordinal);
        var rebuiltEdges = rebuilt.Edges.ToDictionary(edge => edge.Key, StringComparer.Ordinal);

        // The store's remaining sources stay authoritative: they are what a later removal must find.
        var nodes = new List<GraphNode>();
        foreach (var stored in storedNodes.Values)
        {
            if (rebuiltNodes.TryGetValue(stored.Key, out var node))
            {
                nodes.Add(node with { Name = stored.Name, Sources = stored.Sources });
            }
            else
            {
                GraphLog.RebuildWithoutCache(logger, documentId, stored.Key);
                nodes.Add(stored);
            }
        }

        var edges = new List<GraphEdge>();
        foreach (var stored in storedEdges.Values)
        {
            if (rebuiltEdges.TryGetValue(stored.Key, out var edge))
            {
                edges.Add(edge with { Sources = stored.Sources });
            }
            else
            {
                GraphLog.RebuildWithoutCache(logger, documentId, stored.Key);
                edges.Add(stored);
            }
        }

        await graph.UpsertNodesAsync(nodes, cancellationToken).ConfigureAwait(false);
        await graph.UpsertEdgesAsync(edges, cancellationToken).ConfigureAwait(false);
        await vectorWriter.WriteAsync(nodes, edges, cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<ChunkContribution>> LoadContributionsAsync(
        IEnumerable<GraphNode> nodes,
        IEnumerable<GraphEdge> edges,
        CancellationToken cancellationToken)
    {
        var sources = nodes.SelectMany(node => node.Sources)
            .Concat(edges.SelectMany(edge => edge.Sources))
            .DistinctBy(source => source.ChunkId, StringComparer.Ordinal)
            .ToList();

        var preferred = GetExtractor().Identity;
        var contributions = new List<ChunkContribution>();
        foreach (var source in sources)
        {
            var results = await cache.GetAllAsync(source.ChunkId, preferred, cancellationToken).ConfigureAwait(false);
            contributions.AddRange(results.Select(result => new ChunkContribution(source.ChunkId, source.DocumentId, result)));
        }

        return contributions;
    }
}
