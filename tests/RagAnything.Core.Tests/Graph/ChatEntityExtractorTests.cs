using Microsoft.Extensions.AI;
using RagAnything.Graph;

namespace RagAnything.Core.Tests.Graph;

public sealed class ChatEntityExtractorTests
{
    private const string FirstAnswer = """
        entity<|>Nile<|>location<|>A river in Africa.
        relation<|>Nile<|>Egypt<|>flows through<|>The Nile flows through Egypt.<|>7
        """;

    [Fact]
    public async Task Extract_Delimited_SendsTypesAndChunkText()
    {
        var chat = new ScriptedChatClient(FirstAnswer);
        var options = GraphTestData.Options(o => o.EntityTypes = ["river", "country"]).Value;
        var extractor = new ChatEntityExtractor(chat, options);

        var result = await extractor.ExtractAsync(GraphTestData.Chunk("The Nile flows through Egypt."), CancellationToken.None);

        Assert.Equal(1, chat.CallCount);
        var request = chat.Requests[0];
        Assert.Equal(ChatRole.System, request[0].Role);
        Assert.Contains("river, country", request[0].Text, StringComparison.Ordinal);
        Assert.Contains("entity<|>NAME<|>TYPE<|>DESCRIPTION", request[0].Text, StringComparison.Ordinal);
        Assert.Equal("The Nile flows through Egypt.", request[1].Text);
        Assert.Equal("Nile", Assert.Single(result.Entities).Name);
        Assert.Equal(7, Assert.Single(result.Relations).Weight);
    }

    [Fact]
    public async Task Extract_Json_AsksForJsonAndParsesIt()
    {
        var chat = new ScriptedChatClient("""
            ```json
            {"entities": [{"name": "Egypt", "type": "location", "description": "A country."},]}
            ```
            """);
        var extractor = new ChatEntityExtractor(chat, GraphTestData.Options(o => o.Format = ExtractionFormat.Json).Value);

        var result = await extractor.ExtractAsync(GraphTestData.Chunk("Egypt is a country."), CancellationToken.None);

        Assert.Contains("\"entities\"", chat.Requests[0][0].Text, StringComparison.Ordinal);
        Assert.Equal("Egypt", Assert.Single(result.Entities).Name);
    }

    [Fact]
    public async Task Extract_Gleaning_AddsRecords()
    {
        var chat = new ScriptedChatClient(FirstAnswer, "entity<|>Egypt<|>location<|>A country on the Nile.", "");
        var extractor = new ChatEntityExtractor(chat, GraphTestData.Options(o => o.GleaningRounds = 3).Value);

        var result = await extractor.ExtractAsync(GraphTestData.Chunk("The Nile flows through Egypt."), CancellationToken.None);

        // The third call finds nothing, which ends gleaning before the fourth.
        Assert.Equal(3, chat.CallCount);
        var second = chat.Requests[1];
        Assert.Equal(ChatRole.Assistant, second[2].Role);
        Assert.Equal(FirstAnswer, second[2].Text);
        Assert.Equal(ChatRole.User, second[3].Role);
        Assert.Equal(["Nile", "Egypt"], result.Entities.Select(entity => entity.Name));
    }

    [Fact]
    public async Task Extract_OverCaps_DropsAndCountsExcess()
    {
        var answer = string.Join('\n', Enumerable.Range(1, 5).Select(index => $"entity<|>Name {index}<|>concept<|>Item {index}.")) +
            "\nrelation<|>Name 1<|>Name 2<|>linked<|>One links two.<|>1\nrelation<|>Name 2<|>Name 3<|>linked<|>Two links three.<|>1\nbroken line<|>x";
        var chat = new ScriptedChatClient(answer);
        var extractor = new ChatEntityExtractor(chat, GraphTestData.Options(o => { o.MaxEntitiesPerChunk = 3; o.MaxRelationsPerChunk = 1; }).Value);

        var result = await extractor.ExtractAsync(GraphTestData.Chunk("text"), CancellationToken.None);

        Assert.Equal(["Name 1", "Name 2", "Name 3"], result.Entities.Select(entity => entity.Name));
        Assert.Single(result.Relations);
        Assert.Equal(2 + 1 + 1, result.DroppedRecords);
    }

    [Fact]
    public void Identity_ChangesWithSettingsAndNamesModel()
    {
        var chat = new ScriptedChatClient();

        var delimited = new ChatEntityExtractor(chat, GraphTestData.Options().Value).Identity;
        var json = new ChatEntityExtractor(chat, GraphTestData.Options(o => o.Format = ExtractionFormat.Json).Value).Identity;

        Assert.EndsWith("/scripted-model", delimited, StringComparison.Ordinal);
        Assert.NotEqual(delimited, json);
    }
}
