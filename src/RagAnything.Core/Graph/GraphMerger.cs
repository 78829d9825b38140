using Microsoft.Extensions.Options;
using RagAnything.Storage.Graph;

namespace RagAnything.Graph;

/// <summary>
/// Merges extracted records into graph nodes and edges: name variants become one node, the type is the majority
/// type, relation weights add up, descriptions are combined without repeats and shortened above the limit.
/// </summary>
/// <remarks>
/// A mention whose chunk is already among a stored record's sources was merged before, so it is skipped. Indexing the
/// same document twice, as a resume after a crash does, therefore leaves the graph unchanged.
/// </remarks>
internal sealed class GraphMerger(DescriptionSummarizer summarizer, IOptions<KnowledgeGraphOptions> options)
{
    private readonly KnowledgeGraphOptions _options = options.Value;

    /// <summary>Returns the keys of every node and edge the contributions mention, to read the stored ones before merging.</summary>
    public static (HashSet<string> NodeKeys, HashSet<string> EdgeKeys) CollectKeys(IEnumerable<ChunkContribution> contributions)
    {
        var nodeKeys = new HashSet<string>(StringComparer.Ordinal);
        var edgeKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var contribution in contributions)
        {
            nodeKeys.UnionWith(contribution.Result.Entities.Select(entity => EntityNames.ToKey(entity.Name)));
            foreach (var relation in contribution.Result.Relations)
            {
                var source = EntityNames.ToKey(relation.Source);
                var target = EntityNames.ToKey(relation.Target);
                nodeKeys.Add(source);
                nodeKeys.Add(target);
                edgeKeys.Add(GraphKeys.EdgeKey(source, target));
            }
        }

        nodeKeys.Remove("");
        return (nodeKeys, edgeKeys);
    }

    /// <summary>Merges <paramref name="contributions"/> into the stored records and returns the records to write.</summary>
    /// <param name="contributions">The records extracted from each chunk.</param>
    /// <param name="storedNodes">The stored nodes the contributions mention, or none for a rebuild from scratch.</param>
    /// <param name="storedEdges">The stored edges the contributions mention, or none for a rebuild from scratch.</param>
    /// <param name="allowModel">Whether long descriptions may be summarised by the chat model.</param>
    /// <param name="cancellationToken">Cancels summarisation.</param>
    public async Task<GraphMergeResult> MergeAsync(
        IReadOnlyList<ChunkContribution> contributions,
        IReadOnlyDictionary<string, GraphNode> storedNodes,
        IReadOnlyDictionary<string, GraphEdge> storedEdges,
        bool allowModel,
        CancellationToken cancellationToken)
    {
        var nodes = new Dictionary<string, NodeDraft>(StringComparer.Ordinal);
        var edges = new Dictionary<string, EdgeDraft>(StringComparer.Ordinal);

        foreach (var contribution in contributions)
        {
            AddContribution(contribution, nodes, edges, storedNodes, storedEdges);
        }

        var mergedNodes = new List<GraphNode>();
        foreach (var draft in nodes.Values.Where(draft => draft.Sources.Count > 0))
        {
            mergedNodes.Add(await BuildNodeAsync(draft, storedNodes.GetValueOrDefault(draft.Key), allowModel, cancellationToken).ConfigureAwait(false));
        }

        var mergedEdges = new List<GraphEdge>();
        foreach (var draft in edges.Values.Where(draft => draft.Sources.Count > 0))
        {
            var key = GraphKeys.EdgeKey(draft.Source, draft.Target);
            mergedEdges.Add(await BuildEdgeAsync(draft, storedEdges.GetValueOrDefault(key), nodes, allowModel, cancellationToken).ConfigureAwait(false));
        }

        return new GraphMergeResult(mergedNodes, mergedEdges);
    }

    private static void AddContribution(
        ChunkContribution contribution,
        Dictionary<string, NodeDraft> nodes,
        Dictionary<string, EdgeDraft> edges,
        IReadOnlyDictionary<string, GraphNode> storedNodes,
        IReadOnlyDictionary<string, GraphEdge> storedEdges)
    {
        var source = new GraphSource(contribution.DocumentId, contribution.ChunkId);

        foreach (var entity in contribution.Result.Entities)
        {
            var key = EntityNames.ToKey(entity.Name);
            if (key.Length > 0 && !AlreadyMerged(storedNodes.GetValueOrDefault(key)?.Sources, source))
            {
                var draft = Draft(nodes, key, entity.Name);
                draft.Vote(entity.Type, 1);
                DescriptionParts.AddDistinct(draft.Parts, [entity.Description]);
                draft.Sources.Add(source);
            }
        }

        foreach (var relation in contribution.Result.Relations)
        {
            var sourceKey = EntityNames.ToKey(relation.Source);
            var targetKey = EntityNames.ToKey(relation.Target);
            var edgeKey = GraphKeys.EdgeKey(sourceKey, targetKey);
            if (sourceKey.Length == 0 || targetKey.Length == 0 || sourceKey == targetKey || AlreadyMerged(storedEdges.GetValueOrDefault(edgeKey)?.Sources, source))
            {
                continue;
            }

            // An endpoint the chunk did not list as an entity still needs a node with this chunk as a source.
            foreach (var (key, name) in (ReadOnlySpan<(string, string)>)[(sourceKey, relation.Source), (targetKey, relation.Target)])
            {
                if (!AlreadyMerged(storedNodes.GetValueOrDefault(key)?.Sources, source))
                {
                    var endpoint = Draft(nodes, key, name);
                    endpoint.Sources.Add(source);
                }
            }

            if (!edges.TryGetValue(edgeKey, out var draft))
            {
                var ordered = string.CompareOrdinal(sourceKey, targetKey) <= 0;
                draft = ordered ? new EdgeDraft(sourceKey, targetKey) : new EdgeDraft(targetKey, sourceKey);
                edges[edgeKey] = draft;
            }

            draft.Weight += relation.Weight;
            DescriptionParts.AddDistinct(draft.Keywords, relation.Keywords.Split(',', ';'));
            DescriptionParts.AddDistinct(draft.Parts, [relation.Description]);
            draft.Sources.Add(source);
        }
    }

    private async Task<GraphNode> BuildNodeAsync(NodeDraft draft, GraphNode? stored, bool allowModel, CancellationToken cancellationToken)
    {
        var parts = new List<string>();
        if (stored is not null)
        {
            // The stored type speaks for every mention merged before, so it weighs as many votes as it has sources.
            draft.TypeVotes.Insert(0, new(stored.Type, Math.Max(1, stored.Sources.Count)));
            DescriptionParts.AddDistinct(parts, DescriptionParts.Split(stored.Description));
        }

        DescriptionParts.AddDistinct(parts, draft.Parts);
        var description = await summarizer.ShortenAsync(stored?.Name ?? draft.Name, parts, allowModel, cancellationToken).ConfigureAwait(false);

        return new GraphNode
        {
            Key = draft.Key,
            Name = stored?.Name ?? draft.Name,
            Type = draft.MajorityType(),
            Description = description,
            Sources = SourceCap.Apply([.. stored?.Sources ?? [], .. draft.Sources], _options.MaxSourcesPerRecord),
        };
    }

    private async Task<GraphEdge> BuildEdgeAsync(EdgeDraft draft, GraphEdge? stored, Dictionary<string, NodeDraft> nodes, bool allowModel, CancellationToken cancellationToken)
    {
        var parts = new List<string>();
        var keywords = new List<string>();
        if (stored is not null)
        {
            DescriptionParts.AddDistinct(parts, DescriptionParts.Split(stored.Description));
            DescriptionParts.AddDistinct(keywords, stored.Keywords.Split(',', ';'));
        }

        DescriptionParts.AddDistinct(parts, draft.Parts);
        DescriptionParts.AddDistinct(keywords, draft.Keywords);

        var label = $"{nodes.GetValueOrDefault(draft.Source)?.Name ?? draft.Source} and {nodes.GetValueOrDefault(draft.Target)?.Name ?? draft.Target}";
        var description = await summarizer.ShortenAsync(label, parts, allowModel, cancellationToken).ConfigureAwait(false);

        return new GraphEdge
        {
            Source = draft.Source,
            Target = draft.Target,
            Keywords = string.Join(", ", keywords),
            Description = description,
            Weight = (stored?.Weight ?? 0) + draft.Weight,
            Sources = SourceCap.Apply([.. stored?.Sources ?? [], .. draft.Sources], _options.MaxSourcesPerRecord),
        };
    }

    private static NodeDraft Draft(Dictionary<string, NodeDraft> nodes, string key, string name)
    {
        if (!nodes.TryGetValue(key, out var draft))
        {
            draft = new NodeDraft(key, EntityNames.Clean(name));
            nodes[key] = draft;
        }

        return draft;
    }

    private static bool AlreadyMerged(IReadOnlyList<GraphSource>? storedSources, GraphSource source)
        => storedSources is not null && storedSources.Contains(source);
}
