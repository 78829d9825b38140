using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using RagAnything.Graph;
using RagAnything.Storage.Graph;

namespace RagAnything.Core.Tests.Graph;

public sealed class GraphMergerTests
{
    private static readonly Dictionary<string, GraphNode> NoNodes = [];
    private static readonly Dictionary<string, GraphEdge> NoEdges = [];

    private static GraphMerger CreateMerger(Action<KnowledgeGraphOptions>? configure = null, IChatClient? chat = null)
    {
        var services = new ServiceCollection();
        if (chat is not null)
        {
            services.AddSingleton(chat);
        }

        var options = GraphTestData.Options(configure);
        return new GraphMerger(new DescriptionSummarizer(services.BuildServiceProvider(), options), options);
    }

    private static ChunkContribution Contribution(string chunkId, string documentId, ExtractedEntity[] entities, params ExtractedRelation[] relations)
        => new(chunkId, documentId, new ExtractionResult(entities, relations, 0));

    [Fact]
    public async Task Merge_NameVariants_BecomeOneNode()
    {
        var merger = CreateMerger();
        ChunkContribution[] contributions =
        [
            Contribution("c1", "d1", [new("Marie Curie", "person", "A physicist.")]),
            Contribution("c2", "d1", [new("MARIE  CURIE", "person", "A chemist.")]),
            Contribution("c3", "d2", [new("\"Marie Curie.\"", "person", "A physicist.")]),
        ];

        var result = await merger.MergeAsync(contributions, NoNodes, NoEdges, allowModel: true, CancellationToken.None);

        var node = Assert.Single(result.Nodes);
        Assert.Equal("marie curie", node.Key);
        Assert.Equal("Marie Curie", node.Name);
        Assert.Equal("A physicist.\nA chemist.", node.Description);
        Assert.Equal(["c1", "c2", "c3"], node.SourceChunkIds);
        Assert.Equal(["d1", "d2"], node.DocumentIds);
    }

    [Fact]
    public async Task Merge_Types_TakeMajorityAndIgnoreUnknown()
    {
        var merger = CreateMerger();
        ChunkContribution[] contributions =
        [
            Contribution("c1", "d1", [new("Jordan", "location", "")]),
            Contribution("c2", "d1", [new("Jordan", "person", "")]),
            Contribution("c3", "d1", [new("Jordan", "person", "")]),
            Contribution("c4", "d1", [new("Jordan", "unknown", "")]),
            Contribution("c5", "d1", [new("Jordan", "unknown", "")]),
            Contribution("c6", "d1", [new("Jordan", "unknown", "")]),
        ];

        var result = await merger.MergeAsync(contributions, NoNodes, NoEdges, allowModel: true, CancellationToken.None);

        Assert.Equal("person", Assert.Single(result.Nodes).Type);
    }

    [Fact]
    public async Task Merge_Relations_SumWeightsAcrossOrders()
    {
        var merger = CreateMerger();
        ChunkContribution[] contributions =
        [
            Contribution("c1", "d1", [], new ExtractedRelation("Nile", "Egypt", "flows through", "The Nile crosses Egypt.", 3)),
            Contribution("c2", "d2", [], new ExtractedRelation("egypt", "NILE", "water, flows through", "Egypt depends on the Nile.", 2.5)),
        ];

        var result = await merger.MergeAsync(contributions, NoNodes, NoEdges, allowModel: true, CancellationToken.None);

        var edge = Assert.Single(result.Edges);
        Assert.Equal("egypt|nile", edge.Key);
        Assert.Equal(5.5, edge.Weight);
        Assert.Equal("flows through, water", edge.Keywords);
        Assert.Equal("The Nile crosses Egypt.\nEgypt depends on the Nile.", edge.Description);

        // Endpoints named only in relations still get nodes citing the same chunks.
        Assert.Equal(["egypt", "nile"], result.Nodes.Select(node => node.Key).Order(StringComparer.Ordinal));
        Assert.All(result.Nodes, node => Assert.Equal(["c1", "c2"], node.SourceChunkIds));
    }

    [Fact]
    public async Task Merge_StoredRecords_SkipMergedChunks()
    {
        var merger = CreateMerger();
        var storedNode = new GraphNode { Key = "nile", Name = "Nile", Type = "location", Description = "A river.", Sources = [new("d1", "c1"), new("d1", "c2")] };
        var storedEdge = new GraphEdge { Source = "egypt", Target = "nile", Keywords = "flows", Description = "Old.", Weight = 4, Sources = [new("d1", "c1")] };
        ChunkContribution[] contributions =
        [
            Contribution("c1", "d1", [new("Nile", "river", "A river.")], new ExtractedRelation("Nile", "Egypt", "flows", "Old.", 4)),
            Contribution("c9", "d2", [new("Nile", "river", "The longest river.")], new ExtractedRelation("Nile", "Egypt", "irrigation", "Farms use it.", 1)),
        ];

        var result = await merger.MergeAsync(
            contributions,
            new Dictionary<string, GraphNode> { ["nile"] = storedNode },
            new Dictionary<string, GraphEdge> { ["egypt|nile"] = storedEdge },
            allowModel: true,
            CancellationToken.None);

        var node = result.Nodes.Single(candidate => candidate.Key == "nile");
        Assert.Equal("A river.\nThe longest river.", node.Description);
        Assert.Equal("location", node.Type);
        Assert.Equal(["c1", "c2", "c9"], node.SourceChunkIds);

        var edge = Assert.Single(result.Edges);
        Assert.Equal(5, edge.Weight);
        Assert.Equal("Old.\nFarms use it.", edge.Description);
        Assert.Equal("flows, irrigation", edge.Keywords);
    }

    [Fact]
    public async Task Merge_LongDescriptionOffline_IsCut()
    {
        var merger = CreateMerger(options => options.MaxDescriptionLength = 100);
        var parts = Enumerable.Range(1, 6).Select(index => $"Statement number {index} about the river Nile.").ToArray();
        var contributions = parts.Select((part, index) => Contribution($"c{index}", "d1", [new("Nile", "location", part)])).ToList();

        var result = await merger.MergeAsync(contributions, NoNodes, NoEdges, allowModel: true, CancellationToken.None);

        var description = Assert.Single(result.Nodes).Description;
        Assert.True(description.Length <= 100, $"Description has {description.Length} characters.");
        Assert.StartsWith(parts[0] + "\n" + parts[1], description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_LongDescriptionWithChat_IsSummarised()
    {
        // Map summaries are long enough that two of them still exceed the limit, which forces one reduce call.
        var chat = new ScriptedChatClient(messages => messages[^1].Text.Contains("- Statement", StringComparison.Ordinal)
            ? $"Summary of {messages[^1].Text.Split('\n').Length} statements about the Nile river and floods."
            : "Final summary of the Nile.");
        var merger = CreateMerger(options => { options.MaxDescriptionLength = 100; options.SummaryInputLength = 130; }, chat);
        var parts = Enumerable.Range(1, 6).Select(index => $"Statement number {index} about the river Nile.").ToArray();
        var contributions = parts.Select((part, index) => Contribution($"c{index}", "d1", [new("Nile", "location", part)])).ToList();

        var result = await merger.MergeAsync(contributions, NoNodes, NoEdges, allowModel: true, CancellationToken.None);

        // Six 40-character parts in batches of at most 130 characters: two map calls, then one reduce call.
        Assert.Equal(3, chat.CallCount);
        Assert.Contains("\"Nile\"", chat.Requests[0][0].Text, StringComparison.Ordinal);
        Assert.StartsWith("- Statement number 1", chat.Requests[0][1].Text, StringComparison.Ordinal);
        Assert.StartsWith("- Summary of 3 statements", chat.Requests[2][1].Text, StringComparison.Ordinal);
        Assert.Equal("Final summary of the Nile.", Assert.Single(result.Nodes).Description);
    }

    [Fact]
    public async Task Merge_ModelNotAllowed_CutsWithoutCallingChat()
    {
        var chat = new ScriptedChatClient(_ => "Summary.");
        var merger = CreateMerger(options => options.MaxDescriptionLength = 100, chat);
        var contributions = Enumerable.Range(1, 6)
            .Select(index => Contribution($"c{index}", "d1", [new("Nile", "location", $"Statement number {index} about the river Nile.")]))
            .ToList();

        var result = await merger.MergeAsync(contributions, NoNodes, NoEdges, allowModel: false, CancellationToken.None);

        Assert.Equal(0, chat.CallCount);
        Assert.True(Assert.Single(result.Nodes).Description.Length <= 100);
    }

    [Fact]
    public async Task Merge_SourceCap_KeepsOneSourcePerDocument()
    {
        var merger = CreateMerger(options => options.MaxSourcesPerRecord = 3);
        var contributions = new List<ChunkContribution>();
        for (var index = 0; index < 5; index++)
        {
            contributions.Add(Contribution($"a{index}", "d1", [new("Nile", "location", "")]));
        }

        contributions.Add(Contribution("b0", "d2", [new("Nile", "location", "")]));
        contributions.Add(Contribution("c0", "d3", [new("Nile", "location", "")]));

        var result = await merger.MergeAsync(contributions, NoNodes, NoEdges, allowModel: true, CancellationToken.None);

        var node = Assert.Single(result.Nodes);
        Assert.Equal(["a0", "b0", "c0"], node.SourceChunkIds);
        Assert.Equal(["d1", "d2", "d3"], node.DocumentIds);
    }
}
