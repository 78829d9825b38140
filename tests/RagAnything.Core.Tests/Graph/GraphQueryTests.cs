using RagAnything.Content;
using RagAnything.Errors;
using RagAnything.Query;

namespace RagAnything.Core.Tests.Graph;

public sealed class GraphQueryTests
{
    private static readonly QueryMode[] GraphModes = [QueryMode.Local, QueryMode.Global, QueryMode.Hybrid, QueryMode.Mix];

    // Level-1 headings start new chunks, so every page below is a chunk of its own.
    private static async Task<(string Volcanoes, string Rivers)> IngestCorpusAsync(GraphHarness harness)
    {
        var volcanoes = await harness.IngestAsync(
            "volcanoes.json",
            [
                Heading("Volcanoes", 0),
                new TextItem("Volcanoes form where magma reaches the surface.") { PageIndex = 0 },
                Heading("Krakatoa", 2),
                new TextItem("Krakatoa erupted in 1883 in Indonesia. The explosion of Krakatoa was heard on Rodrigues Island.") { PageIndex = 2 },
                Heading("Tambora", 3),
                new TextItem("Mount Tambora in Indonesia erupted in 1815 and cooled the climate of Europe.") { PageIndex = 3 },
            ]);
        var rivers = await harness.IngestAsync(
            "rivers.json",
            [
                Heading("Nile", 0),
                new TextItem("The Nile flows through Egypt and Sudan into the Mediterranean Sea.") { PageIndex = 0 },
                Heading("Amazon", 1),
                new TextItem("The Amazon carries more water than any other river and crosses Brazil.") { PageIndex = 1 },
            ]);
        return (volcanoes, rivers);
    }

    private static TextItem Heading(string text, int page) => new(text) { Role = TextRole.Heading, HeadingLevel = 1, PageIndex = page };

    [Fact]
    public async Task Query_GraphModes_CitePages()
    {
        await using var harness = GraphHarness.Create();
        await IngestCorpusAsync(harness);

        foreach (var mode in GraphModes)
        {
            var result = await harness.Rag.QueryAsync(new QueryRequest { Query = "When did Krakatoa erupt?", Mode = mode, TopK = 3 });

            Assert.Equal(mode, result.Mode);
            Assert.True(result.IsExtractive);
            Assert.NotEmpty(result.Citations);
            var krakatoa = result.Citations.First(citation => citation.Text.Contains("Krakatoa", StringComparison.Ordinal));
            Assert.Equal("volcanoes.json", krakatoa.DocumentName);
            Assert.Equal(3, krakatoa.Page);
            Assert.Contains("[", result.Answer, StringComparison.Ordinal);
            Assert.Contains("Krakatoa", result.Answer, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RetrieveContext_Local_ReturnsEntitiesRelationsAndChunks()
    {
        await using var harness = GraphHarness.Create();
        var (volcanoes, _) = await IngestCorpusAsync(harness);

        var context = await harness.Rag.RetrieveContextAsync(new QueryRequest { Query = "Tell me about Krakatoa", Mode = QueryMode.Local });

        Assert.Equal(QueryMode.Local, context.Mode);
        Assert.Equal("Krakatoa", context.Entities[0].Name);
        Assert.Contains(volcanoes, context.Entities[0].DocumentIds);
        Assert.True(context.Entities[0].Degree > 0);
        Assert.Contains(context.Relations, relation => relation.Source == "Krakatoa" || relation.Target == "Krakatoa");
        Assert.Equal(volcanoes, context.Chunks[0].DocumentId);
        Assert.Equal(1, context.Chunks[0].Number);
        Assert.Contains("Krakatoa", context.Keywords.LowLevel);
    }

    [Fact]
    public async Task Global_HighLevelKeywords_FindRelation()
    {
        await using var harness = GraphHarness.Create();
        var (_, rivers) = await IngestCorpusAsync(harness);

        var context = await harness.Rag.RetrieveContextAsync(new QueryRequest
        {
            Query = "Where does the Nile flow?",
            Mode = QueryMode.Global,
            HighLevelKeywords = ["Nile", "Egypt", "flows"],
            LowLevelKeywords = ["unused"],
        });

        Assert.Equal(["Nile", "Egypt", "flows"], context.Keywords.HighLevel);
        Assert.Equal(["unused"], context.Keywords.LowLevel);
        var top = context.Relations[0];
        Assert.Equal(["Egypt", "Nile"], new[] { top.Source, top.Target }.Order(StringComparer.Ordinal));
        Assert.True(top.Score > 0);
        Assert.Contains(context.Entities, entity => entity.Name == "Nile");
        Assert.Equal(rivers, context.Chunks[0].DocumentId);
        Assert.Equal("rivers.json", context.Chunks[0].DocumentName);
        Assert.Equal(1, context.Chunks[0].Page);
    }

    [Fact]
    public async Task RetrieveContext_Hybrid_CombinesLocalAndGlobal()
    {
        await using var harness = GraphHarness.Create();
        await IngestCorpusAsync(harness);
        var request = new QueryRequest { Query = "x", HighLevelKeywords = ["Nile", "Egypt"], LowLevelKeywords = ["Krakatoa"] };

        var local = await harness.Rag.RetrieveContextAsync(request with { Mode = QueryMode.Local });
        var global = await harness.Rag.RetrieveContextAsync(request with { Mode = QueryMode.Global });
        var hybrid = await harness.Rag.RetrieveContextAsync(request with { Mode = QueryMode.Hybrid });

        Assert.Equal(local.Entities[0].Key, hybrid.Entities[0].Key);
        Assert.Equal(global.Relations[0].Key, hybrid.Relations[0].Key);
        Assert.Contains(hybrid.Entities, entity => entity.Name == "Nile");
        Assert.Contains(hybrid.Entities, entity => entity.Name == "Krakatoa");
    }

    [Fact]
    public async Task RetrieveContext_Naive_HasNoGraphPart()
    {
        await using var harness = GraphHarness.Create();
        await IngestCorpusAsync(harness);

        var context = await harness.Rag.RetrieveContextAsync(new QueryRequest { Query = "Krakatoa eruption" });

        Assert.Empty(context.Entities);
        Assert.Empty(context.Relations);
        Assert.NotEmpty(context.Chunks);
    }

    [Fact]
    public async Task RetrieveContext_Bypass_IsRejected()
    {
        await using var harness = GraphHarness.Create();

        var exception = await Assert.ThrowsAsync<RagAnythingException>(() => harness.Rag.RetrieveContextAsync(new QueryRequest { Query = "x", Mode = QueryMode.Bypass }));

        Assert.Equal(ErrorCategory.Validation, exception.Category);
    }

    [Fact]
    public async Task RetrieveContext_TokenBudgets_LimitContext()
    {
        await using var wide = GraphHarness.Create();
        await using var narrow = GraphHarness.Create(configure: options =>
        {
            options.Query.MaxEntityTokens = 40;
            options.Query.MaxRelationTokens = 0;
            options.Query.MaxContextTokens = 41;
        });
        await IngestCorpusAsync(wide);
        await IngestCorpusAsync(narrow);
        var request = new QueryRequest { Query = "Krakatoa Indonesia Tambora", Mode = QueryMode.Hybrid, TopK = 5 };

        var full = await wide.Rag.RetrieveContextAsync(request);
        var limited = await narrow.Rag.RetrieveContextAsync(request);

        Assert.True(full.Entities.Count > limited.Entities.Count, $"{full.Entities.Count} entities with the default budget, {limited.Entities.Count} with 40 tokens.");
        Assert.NotEmpty(limited.Entities);
        Assert.NotEmpty(full.Relations);
        Assert.Empty(limited.Relations);
        Assert.True(full.Chunks.Count > 1);
        Assert.Single(limited.Chunks);
    }

    [Fact]
    public async Task GraphWeightSelection_OrdersByCitations()
    {
        await using var harness = GraphHarness.Create(configure: options => options.Query.ChunkSelection = ChunkSelection.GraphWeight);
        var (volcanoes, _) = await IngestCorpusAsync(harness);

        var context = await harness.Rag.RetrieveContextAsync(new QueryRequest { Query = "x", Mode = QueryMode.Local, LowLevelKeywords = ["Krakatoa", "Indonesia"] });

        Assert.Equal(volcanoes, context.Chunks[0].DocumentId);
        Assert.Contains("Krakatoa", context.Chunks[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetrieveContext_DocumentFilter_AppliesToGraph()
    {
        await using var harness = GraphHarness.Create();
        var (_, rivers) = await IngestCorpusAsync(harness);

        var context = await harness.Rag.RetrieveContextAsync(new QueryRequest { Query = "Krakatoa Nile", Mode = QueryMode.Mix, DocumentIds = [rivers] });

        Assert.All(context.Entities, entity => Assert.Contains(rivers, entity.DocumentIds));
        Assert.All(context.Chunks, chunk => Assert.Equal(rivers, chunk.DocumentId));
        Assert.DoesNotContain(context.Entities, entity => entity.Name == "Krakatoa");
    }
}
