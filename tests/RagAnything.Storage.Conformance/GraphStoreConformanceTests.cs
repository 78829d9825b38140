using RagAnything.Storage.Graph;

namespace RagAnything.Storage.Conformance;

/// <summary>The <see cref="IGraphStore"/> contract, run against each provider.</summary>
public abstract class GraphStoreConformanceTests : StoreConformanceTests<IGraphStore>
{
    private static GraphNode Node(string key, params (string Document, string Chunk)[] sources) => new()
    {
        Key = key,
        Name = char.ToUpperInvariant(key[0]) + key[1..],
        Type = "concept",
        Description = $"About {key}.",
        Sources = sources.Select(source => new GraphSource(source.Document, source.Chunk)).ToList(),
    };

    private static GraphEdge Edge(string source, string target, double weight, params (string Document, string Chunk)[] sources) => new()
    {
        Source = source,
        Target = target,
        Keywords = "linked",
        Description = $"{source} relates to {target}.",
        Weight = weight,
        Sources = sources.Select(pair => new GraphSource(pair.Document, pair.Chunk)).ToList(),
    };

    // A chain a - b - c - d plus a - e, all from doc1; b and the edge a|b are also cited by doc2.
    private async Task SeedAsync()
    {
        await Store.UpsertNodesAsync(
        [
            Node("a", ("doc1", "c1")),
            Node("b", ("doc1", "c1"), ("doc2", "c9")),
            Node("c", ("doc1", "c2")),
            Node("d", ("doc1", "c3")),
            Node("e", ("doc1", "c1")),
        ]);
        await Store.UpsertEdgesAsync(
        [
            Edge("a", "b", 2, ("doc1", "c1"), ("doc2", "c9")),
            Edge("c", "b", 1, ("doc1", "c2")),
            Edge("c", "d", 1, ("doc1", "c3")),
            Edge("a", "e", 1, ("doc1", "c1")),
        ]);
    }

    [Fact]
    public async Task UpsertNodes_ThenGet_RoundTripsEveryField()
    {
        await SeedAsync();

        GraphNode? node = await Store.GetNodeAsync("b");

        Assert.NotNull(node);
        Assert.Equal("B", node.Name);
        Assert.Equal("concept", node.Type);
        Assert.Equal("About b.", node.Description);
        Assert.Equal([new GraphSource("doc1", "c1"), new GraphSource("doc2", "c9")], node.Sources);
        Assert.Equal(["c1", "c9"], node.SourceChunkIds);
        Assert.Equal(["doc1", "doc2"], node.DocumentIds);
    }

    [Fact]
    public async Task UpsertNodes_SameKey_ReplacesAttributesAndSources()
    {
        await SeedAsync();

        await Store.UpsertNodesAsync([Node("a", ("doc3", "c7")) with { Description = "Replaced." }]);

        GraphNode? node = await Store.GetNodeAsync("a");
        Assert.NotNull(node);
        Assert.Equal("Replaced.", node.Description);
        Assert.Equal([new GraphSource("doc3", "c7")], node.Sources);
    }

    [Fact]
    public async Task UpsertNodes_RepeatedSource_IsStoredOnce()
    {
        await Store.UpsertNodesAsync([Node("a", ("doc1", "c1"), ("doc1", "c1"), ("doc1", "c2"))]);

        GraphNode? node = await Store.GetNodeAsync("a");

        Assert.NotNull(node);
        Assert.Equal([new GraphSource("doc1", "c1"), new GraphSource("doc1", "c2")], node.Sources);
    }

    [Fact]
    public async Task UpsertNodes_EmptyKey_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.UpsertNodesAsync([Node("x") with { Key = " " }]));
    }

    [Fact]
    public async Task UpsertEdges_SelfLoop_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.UpsertEdgesAsync([Edge("a", "a", 1)]));
    }

    [Fact]
    public async Task GetNodes_UnknownKeys_AreMissing()
    {
        await SeedAsync();

        IReadOnlyDictionary<string, GraphNode> nodes = await Store.GetNodesAsync(["a", "zzz", "d"]);

        Assert.Equal(["a", "d"], nodes.Keys.Order(StringComparer.Ordinal));
        Assert.Null(await Store.GetNodeAsync("zzz"));
    }

    [Fact]
    public async Task GetEdge_EitherOrder_FindsCanonicalEdge()
    {
        await SeedAsync();

        GraphEdge? forward = await Store.GetEdgeAsync("b", "c");
        GraphEdge? backward = await Store.GetEdgeAsync("c", "b");

        Assert.NotNull(forward);
        Assert.NotNull(backward);
        Assert.Equal("b", forward.Source);
        Assert.Equal("c", forward.Target);
        Assert.Equal("b|c", forward.Key);
        Assert.Equal("b|c", backward.Key);
        Assert.Equal(1, forward.Weight);
        Assert.Equal("c relates to b.", forward.Description);
    }

    [Fact]
    public async Task UpsertEdges_ReversedEndpoints_ReplaceSameEdge()
    {
        await SeedAsync();

        await Store.UpsertEdgesAsync([Edge("b", "a", 7, ("doc3", "c5"))]);

        GraphEdge? edge = await Store.GetEdgeAsync("a", "b");
        Assert.NotNull(edge);
        Assert.Equal(7, edge.Weight);
        Assert.Equal([new GraphSource("doc3", "c5")], edge.Sources);
        Assert.Equal(4, (await Store.CountAsync()).EdgeCount);
    }

    [Fact]
    public async Task GetEdges_ByKey_ReturnsKnownOnes()
    {
        await SeedAsync();

        IReadOnlyDictionary<string, GraphEdge> edges = await Store.GetEdgesAsync(["a|b", "c|d", "a|d"]);

        Assert.Equal(["a|b", "c|d"], edges.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, edges["a|b"].Weight);
        Assert.Equal([new GraphSource("doc1", "c1"), new GraphSource("doc2", "c9")], edges["a|b"].Sources);
    }

    [Fact]
    public async Task GetNodeEdges_ReturnsTouchingEdgesByKey()
    {
        await SeedAsync();

        IReadOnlyList<GraphEdge> edges = await Store.GetNodeEdgesAsync("b");

        Assert.Equal(["a|b", "b|c"], edges.Select(edge => edge.Key));
        Assert.Empty(await Store.GetNodeEdgesAsync("zzz"));
    }

    [Fact]
    public async Task GetNeighbors_ReturnsAdjacentNodesByKey()
    {
        await SeedAsync();

        IReadOnlyList<GraphNode> neighbors = await Store.GetNeighborsAsync("a");

        Assert.Equal(["b", "e"], neighbors.Select(node => node.Key));
    }

    [Fact]
    public async Task GetNeighbors_EndpointWithoutNode_IsSkipped()
    {
        await SeedAsync();
        await Store.UpsertEdgesAsync([Edge("a", "ghost", 1, ("doc1", "c1"))]);

        IReadOnlyList<GraphNode> neighbors = await Store.GetNeighborsAsync("a");

        Assert.Equal(["b", "e"], neighbors.Select(node => node.Key));
        Assert.Equal(3, (await Store.GetDegreesAsync(["a"]))["a"]);
    }

    [Fact]
    public async Task GetDegrees_CountsEdgesAndZeroForUnknown()
    {
        await SeedAsync();

        IReadOnlyDictionary<string, int> degrees = await Store.GetDegreesAsync(["a", "b", "d", "zzz"]);

        Assert.Equal(2, degrees["a"]);
        Assert.Equal(2, degrees["b"]);
        Assert.Equal(1, degrees["d"]);
        Assert.Equal(0, degrees["zzz"]);
    }

    [Fact]
    public async Task GetSubgraph_DepthOne_ReturnsNeighborsAndEdgesAmongThem()
    {
        await SeedAsync();

        GraphSubgraph subgraph = await Store.GetSubgraphAsync("b", maxDepth: 1, maxNodes: 10);

        Assert.Equal(["b", "a", "c"], subgraph.Nodes.Select(node => node.Key));
        Assert.Equal(["a|b", "b|c"], subgraph.Edges.Select(edge => edge.Key));
        Assert.False(subgraph.IsTruncated);
    }

    [Fact]
    public async Task GetSubgraph_DepthTwo_ReachesSecondRing()
    {
        await SeedAsync();

        GraphSubgraph subgraph = await Store.GetSubgraphAsync("b", maxDepth: 2, maxNodes: 10);

        Assert.Equal(["b", "a", "c", "e", "d"], subgraph.Nodes.Select(node => node.Key));
        Assert.Equal(["a|b", "a|e", "b|c", "c|d"], subgraph.Edges.Select(edge => edge.Key));
    }

    [Fact]
    public async Task GetSubgraph_NodeLimit_TruncatesInWalkOrder()
    {
        await SeedAsync();

        GraphSubgraph subgraph = await Store.GetSubgraphAsync("b", maxDepth: 3, maxNodes: 2);

        Assert.Equal(["b", "a"], subgraph.Nodes.Select(node => node.Key));
        Assert.Equal(["a|b"], subgraph.Edges.Select(edge => edge.Key));
        Assert.True(subgraph.IsTruncated);
    }

    [Fact]
    public async Task GetSubgraph_UnknownNode_IsEmpty()
    {
        await SeedAsync();

        GraphSubgraph subgraph = await Store.GetSubgraphAsync("zzz", maxDepth: 2, maxNodes: 10);

        Assert.Empty(subgraph.Nodes);
        Assert.Empty(subgraph.Edges);
    }

    [Fact]
    public async Task SearchLabels_Prefix_IgnoresCaseAndCaps()
    {
        await Store.UpsertNodesAsync(
        [
            Node("x1", ("doc1", "c1")) with { Name = "Krakatoa" },
            Node("x2", ("doc1", "c1")) with { Name = "Krakatoa Eruption" },
            Node("x3", ("doc1", "c1")) with { Name = "Anak Krakatoa" },
            Node("x4", ("doc1", "c1")) with { Name = "Nile" },
        ]);

        IReadOnlyList<GraphNode> prefix = await Store.SearchLabelsAsync("krak", LabelMatch.Prefix, limit: 10);
        IReadOnlyList<GraphNode> capped = await Store.SearchLabelsAsync("KRAK", LabelMatch.Prefix, limit: 1);

        Assert.Equal(["Krakatoa", "Krakatoa Eruption"], prefix.Select(node => node.Name));
        Assert.Equal(["Krakatoa"], capped.Select(node => node.Name));
    }

    [Fact]
    public async Task SearchLabels_Contains_PutsPrefixMatchesFirst()
    {
        await Store.UpsertNodesAsync(
        [
            Node("x1", ("doc1", "c1")) with { Name = "Anak Krakatoa" },
            Node("x2", ("doc1", "c1")) with { Name = "Krakatoa Eruption" },
            Node("x3", ("doc1", "c1")) with { Name = "Nile" },
        ]);

        IReadOnlyList<GraphNode> matches = await Store.SearchLabelsAsync("krakatoa", LabelMatch.Contains, limit: 10);

        Assert.Equal(["Krakatoa Eruption", "Anak Krakatoa"], matches.Select(node => node.Name));
    }

    [Fact]
    public async Task RemoveDocument_DeletesUnsupportedAndReportsChanged()
    {
        await SeedAsync();

        GraphRemovalResult result = await Store.RemoveDocumentAsync("doc1");

        Assert.Equal(["a", "c", "d", "e"], result.DeletedNodeKeys);
        Assert.Equal(["b"], result.ChangedNodeKeys);

        // a|b is still cited by doc2 but loses its endpoint a, so it goes too.
        Assert.Equal(["a|b", "a|e", "b|c", "c|d"], result.DeletedEdgeKeys);
        Assert.Empty(result.ChangedEdgeKeys);

        GraphNode? survivor = await Store.GetNodeAsync("b");
        Assert.NotNull(survivor);
        Assert.Equal([new GraphSource("doc2", "c9")], survivor.Sources);
        Assert.Equal(new GraphCounts(1, 0), await Store.CountAsync());
        Assert.Empty(await Store.GetNodeEdgesAsync("b"));
    }

    [Fact]
    public async Task RemoveDocument_SharedEdge_KeepsOtherSources()
    {
        await SeedAsync();

        GraphRemovalResult result = await Store.RemoveDocumentAsync("doc2");

        Assert.Empty(result.DeletedNodeKeys);
        Assert.Empty(result.DeletedEdgeKeys);
        Assert.Equal(["b"], result.ChangedNodeKeys);
        Assert.Equal(["a|b"], result.ChangedEdgeKeys);

        GraphEdge? edge = await Store.GetEdgeAsync("a", "b");
        Assert.NotNull(edge);
        Assert.Equal([new GraphSource("doc1", "c1")], edge.Sources);
        Assert.Equal(new GraphCounts(5, 4), await Store.CountAsync());
    }

    [Fact]
    public async Task RemoveDocument_Unknown_ChangesNothing()
    {
        await SeedAsync();

        GraphRemovalResult result = await Store.RemoveDocumentAsync("nobody");

        Assert.Empty(result.DeletedNodeKeys);
        Assert.Empty(result.DeletedEdgeKeys);
        Assert.Empty(result.ChangedNodeKeys);
        Assert.Empty(result.ChangedEdgeKeys);
        Assert.Equal(new GraphCounts(5, 4), await Store.CountAsync());
    }

    [Fact]
    public async Task Count_EmptyStore_IsZero()
    {
        Assert.Equal(new GraphCounts(0, 0), await Store.CountAsync());
    }
}
