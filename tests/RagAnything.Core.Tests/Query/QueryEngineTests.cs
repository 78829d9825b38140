using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using RagAnything.Content;
using RagAnything.Core.Tests.TestDoubles;
using RagAnything.Errors;
using RagAnything.Parsing;
using RagAnything.Query;

namespace RagAnything.Core.Tests.Query;

public sealed class QueryEngineTests
{
    [Fact]
    public async Task Query_Naive_CitesMatchingDocumentWithPage()
    {
        await using var services = TestServices.Create();
        var rag = services.GetRequiredService<IRagAnything>();
        await IngestSamplesAsync(rag);

        var result = await rag.QueryAsync(new QueryRequest { Query = "Which volcano erupted in 1883?", TopK = 2 });

        Assert.True(result.IsExtractive);
        Assert.NotEmpty(result.Citations);
        var top = result.Citations[0];
        Assert.Equal("volcanoes.json", top.DocumentName);
        Assert.Equal(3, top.Page);
        Assert.Contains("Krakatoa", top.Text, StringComparison.Ordinal);
        Assert.Contains("[1]", result.Answer, StringComparison.Ordinal);
        Assert.Contains("Krakatoa", result.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_WithChatClient_SendsContextAndReturnsModelAnswer()
    {
        var chat = new RecordingChatClient("Krakatoa erupted in 1883 [1].");
        await using var services = TestServices.Create(chatClient: chat);
        var rag = services.GetRequiredService<IRagAnything>();
        await IngestSamplesAsync(rag);

        var result = await rag.QueryAsync(new QueryRequest
        {
            Query = "Which volcano erupted in 1883?",
            History = [new ChatMessage(ChatRole.User, "We are talking about volcanoes."), new ChatMessage(ChatRole.Assistant, "Fine.")],
        });

        Assert.False(result.IsExtractive);
        Assert.Equal("Krakatoa erupted in 1883 [1].", result.Answer);
        // Earlier requests extract the graph and the query keywords; the answer request comes last.
        var messages = chat.Requests[^1];
        Assert.Equal(ChatRole.System, messages[0].Role);
        Assert.Contains("Krakatoa", messages[0].Text, StringComparison.Ordinal);
        Assert.Contains("[1] volcanoes.json, page 3", messages[0].Text, StringComparison.Ordinal);
        Assert.Equal("We are talking about volcanoes.", messages[1].Text);
        Assert.Equal("Which volcano erupted in 1883?", messages[^1].Text);
    }

    [Fact]
    public async Task Query_DocumentFilter_LimitsCitations()
    {
        await using var services = TestServices.Create();
        var rag = services.GetRequiredService<IRagAnything>();
        var (volcanoes, rivers) = await IngestSamplesAsync(rag);

        var citations = await rag.RetrieveAsync(new QueryRequest { Query = "Krakatoa eruption", DocumentIds = [rivers] });

        Assert.NotEmpty(citations);
        Assert.All(citations, citation => Assert.Equal(rivers, citation.DocumentId));
        Assert.DoesNotContain(citations, citation => citation.DocumentId == volcanoes);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(1000)]
    public async Task Query_TopKOutOfRange_ThrowsValidation(int topK)
    {
        await using var services = TestServices.Create();
        var rag = services.GetRequiredService<IRagAnything>();

        var exception = await Assert.ThrowsAsync<RagAnythingException>(() => rag.QueryAsync(new QueryRequest { Query = "anything", TopK = topK }));

        Assert.Equal(ErrorCategory.Validation, exception.Category);
        Assert.Contains(topK.ToString(System.Globalization.CultureInfo.InvariantCulture), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_EmptyText_ThrowsValidation()
    {
        await using var services = TestServices.Create();
        var rag = services.GetRequiredService<IRagAnything>();

        var exception = await Assert.ThrowsAsync<RagAnythingException>(() => rag.QueryAsync(new QueryRequest { Query = "  " }));

        Assert.Equal(ErrorCategory.Validation, exception.Category);
    }

    [Fact]
    public async Task Query_BypassWithoutChatClient_ThrowsValidation()
    {
        await using var services = TestServices.Create();
        var rag = services.GetRequiredService<IRagAnything>();

        var exception = await Assert.ThrowsAsync<RagAnythingException>(() => rag.QueryAsync(new QueryRequest { Query = "Hello?", Mode = QueryMode.Bypass }));

        Assert.Contains("IChatClient", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_BypassWithChatClient_SkipsRetrieval()
    {
        var chat = new RecordingChatClient("Hello there.");
        await using var services = TestServices.Create(chatClient: chat);
        var rag = services.GetRequiredService<IRagAnything>();

        var result = await rag.QueryAsync(new QueryRequest { Query = "Hello?", Mode = QueryMode.Bypass });

        Assert.Equal("Hello there.", result.Answer);
        Assert.Empty(result.Citations);
        Assert.Single(Assert.Single(chat.Requests));
    }

    [Fact]
    public async Task Query_EmptyStore_ReturnsNoCitations()
    {
        await using var services = TestServices.Create();
        var rag = services.GetRequiredService<IRagAnything>();

        var result = await rag.QueryAsync(new QueryRequest { Query = "Is anything indexed?" });

        Assert.Empty(result.Citations);
        Assert.False(string.IsNullOrWhiteSpace(result.Answer));
    }

    private static async Task<(string Volcanoes, string Rivers)> IngestSamplesAsync(IRagAnything rag)
    {
        var volcanoes = await rag.IngestContentAsync(
            "volcanoes.json",
            [
                new TextItem("Volcanoes form where magma reaches the surface.") { PageIndex = 0 },
                new TextItem("Eruptions") { Role = TextRole.Heading, HeadingLevel = 1, PageIndex = 2 },
                new TextItem("Krakatoa erupted in 1883 and its explosion was heard thousands of kilometres away.") { PageIndex = 2, HeadingPath = ["Eruptions"] },
            ]);
        var rivers = await rag.IngestAsync(new DocumentSource(
            "rivers.txt",
            Encoding.UTF8.GetBytes("The Nile is one of the longest rivers on Earth.\n\nThe Amazon carries more water than any other river.")));

        return (volcanoes.DocumentId!, rivers.DocumentId!);
    }
}
