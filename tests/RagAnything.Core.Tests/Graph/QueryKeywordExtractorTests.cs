using Microsoft.Extensions.AI;
using RagAnything.Content;
using RagAnything.Query;

namespace RagAnything.Core.Tests.Graph;

public sealed class QueryKeywordExtractorTests
{
    [Fact]
    public void FromText_SplitsNamesAndContentWords()
    {
        var keywords = QueryKeywordExtractor.FromText("Why did the eruption of Mount Tambora affect NASA research?");

        Assert.Equal(["eruption", "Mount", "Tambora", "affect", "NASA", "research"], keywords.HighLevel);
        Assert.Equal(["Mount Tambora", "NASA", "eruption", "affect", "research"], keywords.LowLevel);
    }

    [Theory]
    [InlineData("""{"high_level_keywords": ["climate", "volcanism",], "low_level_keywords": ["Tambora"]}""")]
    [InlineData("```json\n{\"High\": \"climate, volcanism\", \"Low\": [\"Tambora\"]}\n```")]
    public void Parse_TolerantJson_ReadsBothLevels(string output)
    {
        var keywords = QueryKeywordExtractor.Parse(output);

        Assert.NotNull(keywords);
        Assert.Equal(["climate", "volcanism"], keywords.HighLevel);
        Assert.Equal(["Tambora"], keywords.LowLevel);
    }

    [Theory]
    [InlineData("no json here")]
    [InlineData("{\"answer\": 42}")]
    [InlineData("{\"high_level_keywords\": [\"a\"")]
    public void Parse_Unreadable_ReturnsNull(string output)
    {
        Assert.Null(QueryKeywordExtractor.Parse(output));
    }

    [Fact]
    public async Task Query_WithChat_SendsGraphContext()
    {
        var chat = new ScriptedChatClient(messages =>
        {
            var system = messages[0].Text;
            if (system.Contains("List search keywords", StringComparison.Ordinal))
            {
                return """{"high_level_keywords": ["eruption"], "low_level_keywords": ["Krakatoa"]}""";
            }

            if (system.Contains("You build a knowledge graph", StringComparison.Ordinal))
            {
                return messages[^1].Text.Contains("Krakatoa", StringComparison.Ordinal)
                    ? "entity<|>Krakatoa<|>location<|>A volcano in Indonesia.\nentity<|>Indonesia<|>location<|>A country.\nrelation<|>Krakatoa<|>Indonesia<|>located in, eruption<|>Krakatoa lies in Indonesia.<|>6"
                    : "";
            }

            return "Krakatoa erupted in 1883 [1].";
        });
        await using var harness = GraphHarness.Create(chat);
        await harness.IngestAsync("volcanoes.json", [new TextItem("Krakatoa erupted in 1883 in Indonesia.") { PageIndex = 4 }]);

        var result = await harness.Rag.QueryAsync(new QueryRequest { Query = "When did Krakatoa erupt?", Mode = QueryMode.Hybrid });

        Assert.False(result.IsExtractive);
        Assert.Equal("Krakatoa erupted in 1883 [1].", result.Answer);
        Assert.Equal(5, Assert.Single(result.Citations).Page);
        var answerRequest = chat.Requests[^1];
        Assert.Equal(ChatRole.System, answerRequest[0].Role);
        Assert.Contains("Entities:\n- Krakatoa (location): A volcano in Indonesia.", answerRequest[0].Text, StringComparison.Ordinal);
        Assert.Contains("Relations:\n- Indonesia — Krakatoa [located in, eruption]: Krakatoa lies in Indonesia.", answerRequest[0].Text, StringComparison.Ordinal);
        Assert.Contains("[1] volcanoes.json, page 5", answerRequest[0].Text, StringComparison.Ordinal);

        var context = await harness.Rag.RetrieveContextAsync(new QueryRequest { Query = "When did Krakatoa erupt?", Mode = QueryMode.Local });
        Assert.Equal(["eruption"], context.Keywords.HighLevel);
        Assert.Equal(["Krakatoa"], context.Keywords.LowLevel);
    }

    [Fact]
    public async Task Query_UnreadableKeywords_UseQueryWords()
    {
        var chat = new ScriptedChatClient(_ => "I cannot help with that.");
        await using var harness = GraphHarness.Create(chat);
        await harness.IngestAsync("volcanoes.json", [new TextItem("Krakatoa erupted in 1883 in Indonesia.")]);

        var context = await harness.Rag.RetrieveContextAsync(new QueryRequest { Query = "When did Krakatoa erupt?", Mode = QueryMode.Local });

        Assert.Equal(["Krakatoa", "erupt"], context.Keywords.LowLevel);
    }
}
