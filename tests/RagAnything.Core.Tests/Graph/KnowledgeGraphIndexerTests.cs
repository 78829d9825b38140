using Microsoft.Extensions.AI;
using RagAnything.Content;
using RagAnything.Graph;
using RagAnything.Query;
using RagAnything.Storage.Graph;

namespace RagAnything.Core.Tests.Graph;

public sealed class KnowledgeGraphIndexerTests
{
    private const string ExtractionMarker = "You build a knowledge graph";

    private static readonly ContentItem[] CurieAtParis =
    [
        new TextItem("Marie Curie worked at the University of Paris, where she taught physics.") { PageIndex = 1 },
    ];

    private static readonly ContentItem[] CurieNobel =
    [
        new TextItem("Marie Curie won the Nobel Prize in Chemistry in 1911.") { PageIndex = 0 },
    ];

    // Returns extraction records chosen by the chunk text, so each document yields its own facts about Marie Curie.
    private static string Extract(IReadOnlyList<ChatMessage> messages)
    {
        if (!messages[0].Text.Contains(ExtractionMarker, StringComparison.Ordinal))
        {
            return "{\"high_level_keywords\": [\"teaching\"], \"low_level_keywords\": [\"University of Paris\"]}";
        }

        var text = messages[^1].Text;
        if (text.Contains("University of Paris", StringComparison.Ordinal))
        {
            return """
                entity<|>Marie Curie<|>person<|>Physicist who taught at the University of Paris.
                entity<|>University of Paris<|>organization<|>University in Paris.
                relation<|>Marie Curie<|>University of Paris<|>teaching, employment<|>Curie taught physics at the University of Paris.<|>8
                """;
        }

        return text.Contains("Nobel", StringComparison.Ordinal)
            ? """
                entity<|>Marie Curie<|>person<|>Winner of the Nobel Prize in Chemistry.
                entity<|>Nobel Prize<|>concept<|>A prize for science.
                relation<|>Marie Curie<|>Nobel Prize<|>award<|>Curie won the Nobel Prize in 1911.<|>9
                """
            : "";
    }

    [Fact]
    public async Task Index_Offline_WritesNodesEdgesAndVectors()
    {
        await using var harness = GraphHarness.Create();

        await harness.IngestAsync("curie.json", [.. CurieAtParis, .. CurieNobel]);

        var counts = await harness.Graph.CountAsync();
        Assert.True(counts.NodeCount >= 3, $"Only {counts.NodeCount} nodes.");
        Assert.True(counts.EdgeCount >= 2, $"Only {counts.EdgeCount} edges.");
        Assert.Equal(counts.NodeCount, await harness.Vectors.CountAsync(GraphCollections.Entities));
        Assert.Equal(counts.EdgeCount, await harness.Vectors.CountAsync(GraphCollections.Relations));
        Assert.NotNull(await harness.Graph.GetNodeAsync("marie curie"));
        Assert.NotNull(await harness.Graph.GetEdgeAsync("marie curie", "university of paris"));
    }

    [Fact]
    public async Task Index_SameDocumentTwice_ChangesNothing()
    {
        var chat = new ScriptedChatClient(Extract);
        await using var harness = GraphHarness.Create(chat);
        var documentId = await harness.IngestAsync("paris.json", CurieAtParis);
        var before = await harness.Graph.GetEdgeAsync("marie curie", "university of paris");
        var calls = chat.CallCount;

        var repository = harness.Services.GetService(typeof(RagAnything.Storage.ChunkRepository)) as RagAnything.Storage.ChunkRepository;
        var chunks = (await repository!.GetManyAsync(await repository.GetChunkIdsAsync(documentId, CancellationToken.None), CancellationToken.None)).Values.ToList();
        var document = new ParsedDocument { SourceName = "paris.json", MediaType = "x", Sha256 = documentId, Items = CurieAtParis };
        await harness.Indexer.IndexAsync(documentId, document, chunks, CancellationToken.None);

        var after = await harness.Graph.GetEdgeAsync("marie curie", "university of paris");
        Assert.Equal(calls, chat.CallCount);
        Assert.NotNull(before);
        Assert.NotNull(after);
        Assert.Equal(before.Weight, after.Weight);
        Assert.Equal(8, after.Weight);
        Assert.Equal(before.Description, after.Description);
    }

    [Fact]
    public async Task Remove_SharedEntity_RebuiltFromCacheWithoutChat()
    {
        var chat = new ScriptedChatClient(Extract);
        await using var harness = GraphHarness.Create(chat);
        var paris = await harness.IngestAsync("paris.json", CurieAtParis);
        var nobel = await harness.IngestAsync("nobel.json", CurieNobel);

        var merged = await harness.Graph.GetNodeAsync("marie curie");
        Assert.NotNull(merged);
        Assert.Equal("Physicist who taught at the University of Paris.\nWinner of the Nobel Prize in Chemistry.", merged.Description);
        Assert.Equal([paris, nobel], merged.DocumentIds);
        var callsBefore = chat.CallCount;

        await harness.DeleteAsync(paris);

        Assert.Equal(callsBefore, chat.CallCount);
        var survivor = await harness.Graph.GetNodeAsync("marie curie");
        Assert.NotNull(survivor);
        Assert.Equal("Winner of the Nobel Prize in Chemistry.", survivor.Description);
        Assert.Equal("person", survivor.Type);
        Assert.Equal([nobel], survivor.DocumentIds);
        Assert.Null(await harness.Graph.GetNodeAsync("university of paris"));
        Assert.Null(await harness.Graph.GetEdgeAsync("marie curie", "university of paris"));
        Assert.Equal(9, (await harness.Graph.GetEdgeAsync("marie curie", "nobel prize"))?.Weight);

        // Vectors follow the graph: the survivor's vector remains under the other document, the deleted ones are gone.
        Assert.Equal(2, await harness.Vectors.CountAsync(GraphCollections.Entities));
        Assert.Equal(1, await harness.Vectors.CountAsync(GraphCollections.Relations));
    }

    [Fact]
    public async Task Remove_DeletedDocumentFacts_AreNotRetrievable()
    {
        await using var harness = GraphHarness.Create();
        var paris = await harness.IngestAsync("paris.json", CurieAtParis);
        await harness.IngestAsync("nobel.json", CurieNobel);
        var request = new QueryRequest { Query = "University of Paris", Mode = QueryMode.Local, LowLevelKeywords = ["University of Paris"], TopK = 5 };
        var before = await harness.Rag.RetrieveContextAsync(request);
        Assert.Contains(before.Entities, entity => entity.Name == "University of Paris");

        await harness.DeleteAsync(paris);

        foreach (var mode in (QueryMode[])[QueryMode.Local, QueryMode.Global, QueryMode.Hybrid, QueryMode.Mix])
        {
            var context = await harness.Rag.RetrieveContextAsync(request with { Mode = mode });
            Assert.DoesNotContain(context.Entities, entity => entity.Name == "University of Paris");
            Assert.DoesNotContain(context.Relations, relation => relation.Description.Contains("University of Paris", StringComparison.Ordinal));
            Assert.DoesNotContain(context.Entities, entity => entity.Description.Contains("University of Paris", StringComparison.Ordinal));
            Assert.All(context.Chunks, chunk => Assert.NotEqual(paris, chunk.DocumentId));
        }
    }

    [Fact]
    public async Task Remove_UnknownDocument_DoesNothing()
    {
        await using var harness = GraphHarness.Create();
        await harness.IngestAsync("nobel.json", CurieNobel);
        var before = await harness.Graph.CountAsync();

        await harness.Indexer.RemoveDocumentAsync("no-such-document", CancellationToken.None);

        Assert.Equal(before, await harness.Graph.CountAsync());
    }

    [Fact]
    public async Task Index_DroppedRecords_DoNotStopIndexing()
    {
        var chat = new ScriptedChatClient(messages => messages[0].Text.Contains(ExtractionMarker, StringComparison.Ordinal)
            ? "entity: broken\nentity<|>Marie Curie<|>person<|>A physicist.\nrelation<|>Marie Curie"
            : "");
        await using var harness = GraphHarness.Create(chat);

        await harness.IngestAsync("curie.json", CurieNobel);

        Assert.Equal(new GraphCounts(1, 0), await harness.Graph.CountAsync());
    }
}
