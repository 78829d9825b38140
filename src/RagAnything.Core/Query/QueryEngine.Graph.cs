using RagAnything.Graph;
using RagAnything.Storage;
using RagAnything.Storage.Vectors;

namespace RagAnything.Query;

internal sealed partial class QueryEngine
{
    private async Task<QueryContext> RetrieveGraphContextAsync(QueryRequest request, ReadOnlyMemory<float> queryVector, int topK, CancellationToken cancellationToken)
    {
        var queryKeywords = await keywordExtractor.ExtractAsync(request, cancellationToken).ConfigureAwait(false);
        GraphLog.KeywordsChosen(logger, string.Join(", ", queryKeywords.HighLevel), string.Join(", ", queryKeywords.LowLevel));

        var selection = await graphRetriever.RetrieveAsync(request.Mode, queryKeywords, request.Query, request.DocumentIds, cancellationToken).ConfigureAwait(false);
        var graphChunkIds = _options.ChunkSelection == ChunkSelection.VectorSimilarity
            ? await OrderBySimilarityAsync(selection.ChunkIds, queryVector, cancellationToken).ConfigureAwait(false)
            : selection.ChunkIds;

        List<KeyValuePair<string, double>> ranked;
        if (request.Mode == QueryMode.Mix)
        {
            var (vectorIds, keywordIds) = await SearchChunksAsync(request, queryVector, topK, cancellationToken).ConfigureAwait(false);
            ranked = RankFusion.FuseWeighted(_options.RrfConstant, (vectorIds, 1.0), (keywordIds, 1.0), (graphChunkIds, _options.MixGraphWeight));
        }
        else
        {
            ranked = RankFusion.Fuse(_options.RrfConstant, graphChunkIds);
        }

        var graphTokens = selection.Entities.Sum(entity => tokens.Count(ContextBudget.EntityLine(entity)))
            + selection.Relations.Sum(relation => tokens.Count(ContextBudget.RelationLine(relation)));
        var chunkBudget = Math.Max(0, _options.MaxContextTokens - graphTokens);
        var chunks = await citations.BuildAsync(ranked, topK, request.DocumentIds, chunkBudget, cancellationToken).ConfigureAwait(false);

        GraphLog.GraphRetrieved(logger, request.Mode, selection.Entities.Count, selection.Relations.Count, chunks.Count);
        return new QueryContext
        {
            Mode = request.Mode,
            Keywords = queryKeywords,
            Entities = selection.Entities,
            Relations = selection.Relations,
            Chunks = chunks,
        };
    }

    /// <summary>
    /// Orders the graph's chunks by their vector similarity to the query: a chunk-vector search restricted to the
    /// candidates' documents ranks them, and candidates outside its results follow in graph-weight order.
    /// </summary>
    private async Task<IReadOnlyList<string>> OrderBySimilarityAsync(IReadOnlyList<string> chunkIds, ReadOnlyMemory<float> queryVector, CancellationToken cancellationToken)
    {
        if (chunkIds.Count < 2)
        {
            return chunkIds;
        }

        var records = await citations.LoadAsync(chunkIds, cancellationToken).ConfigureAwait(false);
        var documents = records.Values.Select(chunk => chunk.DocumentId).Distinct(StringComparer.Ordinal).ToList();
        var filter = new VectorSearchFilter { DocumentIds = documents };
        var searchSize = Math.Max(chunkIds.Count, _options.TopK) * _options.CandidateMultiplier;
        var matches = await vectors.SearchAsync(StoreCollections.Chunks, queryVector, searchSize, filter, cancellationToken).ConfigureAwait(false);

        var candidates = chunkIds.ToHashSet(StringComparer.Ordinal);
        var bySimilarity = matches.Select(match => match.Id).Where(candidates.Contains).ToList();
        return [.. bySimilarity, .. chunkIds.Except(bySimilarity, StringComparer.Ordinal)];
    }
}
