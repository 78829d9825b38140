using Microsoft.Extensions.Options;
using RagAnything.Embeddings;
using RagAnything.Graph;
using RagAnything.Storage.Graph;
using RagAnything.Storage.Vectors;

namespace RagAnything.Query;

/// <summary>
/// Finds the entities and relations of the knowledge graph that match a query's keywords, and the chunks they cite.
/// </summary>
/// <remarks>
/// Local mode searches entity vectors with the low-level keywords and adds the entities' relations. Global mode
/// searches relation vectors with the high-level keywords and adds the relations' endpoints. Hybrid and mix do both
/// and interleave the two rankings.
/// </remarks>
internal sealed class GraphRetriever(
    IGraphStore graph,
    IVectorStore vectors,
    EmbeddingService embeddings,
    TokenCounter tokens,
    IOptions<RagAnythingOptions> options)
{
    private readonly QueryOptions _options = options.Value.Query;

    public async Task<GraphSelection> RetrieveAsync(QueryMode mode, QueryKeywords keywords, string query, IReadOnlyCollection<string>? documentIds, CancellationToken cancellationToken)
    {
        var useLocal = mode is QueryMode.Local or QueryMode.Hybrid or QueryMode.Mix;
        var useGlobal = mode is QueryMode.Global or QueryMode.Hybrid or QueryMode.Mix;
        var sources = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

        var local = useLocal
            ? await LocalAsync(SearchText(keywords.LowLevel, query), documentIds, sources, cancellationToken).ConfigureAwait(false)
            : (Entities: new List<ContextEntity>(), Relations: new List<ContextRelation>());
        var global = useGlobal
            ? await GlobalAsync(SearchText(keywords.HighLevel, query), documentIds, sources, cancellationToken).ConfigureAwait(false)
            : (Entities: new List<ContextEntity>(), Relations: new List<ContextRelation>());

        var entities = Interleave(local.Entities, global.Entities, entity => entity.Key);
        var relations = Interleave(global.Relations, local.Relations, relation => relation.Key);

        var (keptEntities, _) = ContextBudget.TakeWithin(entities, ContextBudget.EntityLine, _options.MaxEntityTokens, tokens);
        var (keptRelations, _) = ContextBudget.TakeWithin(relations, ContextBudget.RelationLine, _options.MaxRelationTokens, tokens);

        var chunkIds = RankChunks(keptEntities.Select(entity => entity.Key), keptRelations.Select(relation => relation.Key), sources);
        return new GraphSelection(keptEntities, keptRelations, chunkIds);
    }

    private static string SearchText(IReadOnlyList<string> keywords, string query) => keywords.Count > 0 ? string.Join(", ", keywords) : query;

    private async Task<(List<ContextEntity> Entities, List<ContextRelation> Relations)> LocalAsync(
        string text,
        IReadOnlyCollection<string>? documentIds,
        Dictionary<string, IReadOnlyList<string>> sources,
        CancellationToken cancellationToken)
    {
        var matches = await SearchAsync(GraphCollections.Entities, text, cancellationToken).ConfigureAwait(false);
        var nodes = await graph.GetNodesAsync(matches.Select(match => match.Id).ToList(), cancellationToken).ConfigureAwait(false);
        var selected = matches
            .Where(match => nodes.TryGetValue(match.Id, out var node) && InDocuments(node.DocumentIds, documentIds))
            .Select(match => (Node: nodes[match.Id], match.Score))
            .ToList();

        var degrees = await graph.GetDegreesAsync(selected.Select(pair => pair.Node.Key).ToList(), cancellationToken).ConfigureAwait(false);
        var entities = selected.Select(pair => ToEntity(pair.Node, pair.Score, degrees[pair.Node.Key], sources)).ToList();

        // Relations among the selected entities come first, then the strongest ones leading out of them.
        var selectedKeys = entities.Select(entity => entity.Key).ToHashSet(StringComparer.Ordinal);
        var edges = new Dictionary<string, GraphEdge>(StringComparer.Ordinal);
        foreach (var entity in entities)
        {
            foreach (var edge in await graph.GetNodeEdgesAsync(entity.Key, cancellationToken).ConfigureAwait(false))
            {
                if (InDocuments(edge.DocumentIds, documentIds))
                {
                    edges.TryAdd(edge.Key, edge);
                }
            }
        }

        var ranked = edges.Values
            .OrderByDescending(edge => (selectedKeys.Contains(edge.Source) ? 1 : 0) + (selectedKeys.Contains(edge.Target) ? 1 : 0))
            .ThenByDescending(edge => edge.Weight)
            .ThenBy(edge => edge.Key, StringComparer.Ordinal)
            .ToList();
        var names = await NamesAsync(ranked, cancellationToken).ConfigureAwait(false);
        var relations = ranked.Select(edge => ToRelation(edge, 0, names, sources)).ToList();
        return (entities, relations);
    }

    private async Task<(List<ContextEntity> Entities, List<ContextRelation> Relations)> GlobalAsync(
        string text,
        IReadOnlyCollection<string>? documentIds,
        Dictionary<string, IReadOnlyList<string>> sources,
        CancellationToken cancellationToken)
    {
        var matches = await SearchAsync(GraphCollections.Relations, text, cancellationToken).ConfigureAwait(false);
        var edges = await graph.GetEdgesAsync(matches.Select(match => match.Id).ToList(), cancellationToken).ConfigureAwait(false);
        var selected = matches
            .Where(match => edges.TryGetValue(match.Id, out var edge) && InDocuments(edge.DocumentIds, documentIds))
            .Select(match => (Edge: edges[match.Id], match.Score))
            .ToList();

        var endpointKeys = selected.SelectMany(pair => (string[])[pair.Edge.Source, pair.Edge.Target]).Distinct(StringComparer.Ordinal).ToList();
        var nodes = await graph.GetNodesAsync(endpointKeys, cancellationToken).ConfigureAwait(false);
        var degrees = await graph.GetDegreesAsync(endpointKeys, cancellationToken).ConfigureAwait(false);

        var names = nodes.ToDictionary(pair => pair.Key, pair => pair.Value.Name, StringComparer.Ordinal);
        var relations = selected.Select(pair => ToRelation(pair.Edge, pair.Score, names, sources)).ToList();
        var entities = endpointKeys
            .Where(nodes.ContainsKey)
            .Select(key => ToEntity(nodes[key], 0, degrees[key], sources))
            .ToList();
        return (entities, relations);
    }

    private async Task<IReadOnlyList<VectorMatch>> SearchAsync(string collection, string text, CancellationToken cancellationToken)
    {
        var vector = (await embeddings.EmbedAsync([text], cancellationToken).ConfigureAwait(false))[0];
        var matches = await vectors.SearchAsync(collection, vector, _options.GraphTopK, filter: null, cancellationToken).ConfigureAwait(false);
        return matches.Where(match => match.Score >= _options.MinGraphScore).ToList();
    }

    private async Task<Dictionary<string, string>> NamesAsync(IEnumerable<GraphEdge> edges, CancellationToken cancellationToken)
    {
        var keys = edges.SelectMany(edge => (string[])[edge.Source, edge.Target]).Distinct(StringComparer.Ordinal).ToList();
        var nodes = await graph.GetNodesAsync(keys, cancellationToken).ConfigureAwait(false);
        return nodes.ToDictionary(pair => pair.Key, pair => pair.Value.Name, StringComparer.Ordinal);
    }

    private static ContextEntity ToEntity(GraphNode node, double score, int degree, Dictionary<string, IReadOnlyList<string>> sources)
    {
        sources[node.Key] = node.SourceChunkIds;
        return new ContextEntity
        {
            Key = node.Key,
            Name = node.Name,
            Type = node.Type,
            Description = node.Description,
            Degree = degree,
            Score = score,
            DocumentIds = node.DocumentIds,
        };
    }

    private static ContextRelation ToRelation(GraphEdge edge, double score, Dictionary<string, string> names, Dictionary<string, IReadOnlyList<string>> sources)
    {
        sources[edge.Key] = edge.SourceChunkIds;
        return new ContextRelation
        {
            Key = edge.Key,
            Source = names.GetValueOrDefault(edge.Source) ?? edge.Source,
            Target = names.GetValueOrDefault(edge.Target) ?? edge.Target,
            Keywords = edge.Keywords,
            Description = edge.Description,
            Weight = edge.Weight,
            Score = score,
            DocumentIds = edge.DocumentIds,
        };
    }

    /// <summary>Orders chunks by how many selected entities and relations cite them, then by the best rank citing them.</summary>
    private static List<string> RankChunks(IEnumerable<string> entityKeys, IEnumerable<string> relationKeys, Dictionary<string, IReadOnlyList<string>> sources)
    {
        var citing = new Dictionary<string, (int Count, int FirstRank)>(StringComparer.Ordinal);
        var rank = 0;
        foreach (var key in Interleave(entityKeys.ToList(), relationKeys.ToList(), key => key))
        {
            foreach (var chunkId in sources.GetValueOrDefault(key) ?? [])
            {
                var (count, firstRank) = citing.GetValueOrDefault(chunkId, (0, rank));
                citing[chunkId] = (count + 1, Math.Min(firstRank, rank));
            }

            rank++;
        }

        return citing
            .OrderByDescending(pair => pair.Value.Count)
            .ThenBy(pair => pair.Value.FirstRank)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => pair.Key)
            .ToList();
    }

    private static List<T> Interleave<T>(List<T> first, List<T> second, Func<T, string> key)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var merged = new List<T>(first.Count + second.Count);
        for (var index = 0; index < Math.Max(first.Count, second.Count); index++)
        {
            foreach (var list in (List<T>[])[first, second])
            {
                if (index < list.Count && seen.Add(key(list[index])))
                {
                    merged.Add(list[index]);
                }
            }
        }

        return merged;
    }

    private static bool InDocuments(IReadOnlyList<string> recordDocuments, IReadOnlyCollection<string>? documentIds)
        => documentIds is null || recordDocuments.Any(documentIds.Contains);
}
