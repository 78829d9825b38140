using Microsoft.Extensions.DependencyInjection;
using RagAnything.Caching;
using RagAnything.Content;
using RagAnything.Core.Tests.TestDoubles;
using RagAnything.Query;

namespace RagAnything.Core.Tests.Caching;

public sealed class QueryCacheTests
{
    [Fact]
    public async Task SameQuestion_AnsweredOnce()
    {
        var chat = new RecordingChatClient("The answer.");
        await using var services = await CreateAsync(chat);
        var rag = services.GetRequiredService<IRagAnything>();
        var ingestionCalls = chat.Requests.Count;

        var first = await rag.QueryAsync(new QueryRequest { Query = "What do owls eat?" });
        var second = await rag.QueryAsync(new QueryRequest { Query = "  what do   OWLS eat? " });

        Assert.Equal(first.Answer, second.Answer);
        Assert.Equal(ingestionCalls + 1, chat.Requests.Count);
        var layer = QueryLayer(services);
        Assert.Equal(1, layer.Hits);
        Assert.Equal(1, layer.Misses);
    }

    [Fact]
    public async Task NewGeneration_AnswersAgain()
    {
        var chat = new RecordingChatClient("The answer.");
        await using var services = await CreateAsync(chat);
        var rag = services.GetRequiredService<IRagAnything>();
        var ingestionCalls = chat.Requests.Count;

        await rag.QueryAsync(new QueryRequest { Query = "What do owls eat?" });
        services.GetRequiredService<IIndexGeneration>().Advance();
        await rag.QueryAsync(new QueryRequest { Query = "What do owls eat?" });

        // The chat response cache may answer the repeated prompt, so the query layer's own counters are checked.
        var layer = QueryLayer(services);
        Assert.Equal(0, layer.Hits);
        Assert.Equal(2, layer.Misses);
        Assert.True(chat.Requests.Count <= ingestionCalls + 2);
    }

    [Fact]
    public async Task DifferentMode_AnswersAgain()
    {
        var chat = new RecordingChatClient("The answer.");
        await using var services = await CreateAsync(chat);
        var rag = services.GetRequiredService<IRagAnything>();
        var ingestionCalls = chat.Requests.Count;

        await rag.QueryAsync(new QueryRequest { Query = "What do owls eat?", Mode = QueryMode.Naive });
        await rag.QueryAsync(new QueryRequest { Query = "What do owls eat?", Mode = QueryMode.Naive, TopK = 2 });

        // The chat response cache may answer the repeated prompt, so the query layer's own counters are checked.
        var layer = QueryLayer(services);
        Assert.Equal(0, layer.Hits);
        Assert.Equal(2, layer.Misses);
        Assert.True(chat.Requests.Count <= ingestionCalls + 2);
    }

    [Fact]
    public void Normalize_FoldsCaseAndWhiteSpace()
    {
        Assert.Equal("what is x?", QueryCache.Normalize("  What\tis   X? \n"));
        Assert.Equal("ﬁ".Normalize(System.Text.NormalizationForm.FormKC), QueryCache.Normalize("ﬁ"));
    }

    private static CacheLayerStatistics QueryLayer(IServiceProvider services)
        => services.GetRequiredService<ICacheStatistics>().GetSnapshot().Single(snapshot => snapshot.Layer == CacheLayer.Query);

    private static async Task<ServiceProvider> CreateAsync(RecordingChatClient chat)
    {
        var services = TestServices.Create(chatClient: chat);
        var items = new List<ContentItem> { new TextItem("Owls eat mice, insects and small birds. They hunt at night.") };
        await services.GetRequiredService<IRagAnything>().IngestContentAsync("owls.md", items);
        return services;
    }
}
