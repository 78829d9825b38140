using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using RagAnything.Caching;
using RagAnything.Errors;
using RagAnything.OpenAI.Tests.TestDoubles;
using RagAnything.Query;
using RagAnything.Storage.KeyValue;

namespace RagAnything.OpenAI.Tests;

public sealed class EndToEndTests
{
    [Fact]
    public async Task MixQuery_AnswersFromModelWithCitations()
    {
        await using var harness = await RagHarness.StartAsync();
        await harness.IngestDocumentAsync();

        var result = await harness.Rag.QueryAsync(new QueryRequest { Query = "Where does the Contoso Rail night train end?", Mode = QueryMode.Mix });

        Assert.Equal(ScriptedModel.Answer, result.Answer);
        Assert.False(result.IsExtractive);
        var citation = Assert.Single(result.Citations);
        Assert.Equal("night-trains.md", citation.DocumentName);
        Assert.Equal(1, citation.Number);

        var requests = harness.Server.ChatRequests.ToList();
        Assert.Contains(requests, request => request.SystemText.Contains("knowledge graph from documents", StringComparison.Ordinal));
        var answer = Assert.Single(requests, request => request.SystemText.Contains("numbered context passages", StringComparison.Ordinal));
        Assert.Contains("ends in Lisbon", answer.SystemText, StringComparison.Ordinal);
        Assert.Contains("Contoso Rail", answer.SystemText, StringComparison.Ordinal);
        Assert.True(harness.Server.EmbeddingRequestCount > 0);
    }

    [Fact]
    public async Task Ingest_BuildsGraphFromModelRecords()
    {
        await using var harness = await RagHarness.StartAsync();
        await harness.IngestDocumentAsync();

        var context = await harness.Rag.RetrieveContextAsync(new QueryRequest { Query = "Contoso Rail", Mode = QueryMode.Local });

        Assert.Contains(context.Entities, entity => entity.Name == "Contoso Rail");
        Assert.Contains(context.Relations, relation => relation.Description.Contains("ends in Lisbon", StringComparison.Ordinal));
        Assert.Equal(["Contoso Rail", "Lisbon"], context.Keywords.LowLevel);
    }

    [Fact]
    public async Task MalformedExtraction_IngestsWithoutEntities()
    {
        await using var harness = await RagHarness.StartAsync();
        harness.Model.ExtractionReply = "Sure! Here are the entities: {\"entities\": [ {\"name\": \"Contoso";

        await harness.IngestDocumentAsync();
        var result = await harness.Rag.QueryAsync(new QueryRequest { Query = "Where does the night train end?", Mode = QueryMode.Mix });

        Assert.Equal(ScriptedModel.Answer, result.Answer);
        Assert.NotEmpty(result.Citations);
    }

    [Fact]
    public async Task MalformedKeywords_FallBackToQueryWords()
    {
        await using var harness = await RagHarness.StartAsync();
        harness.Model.KeywordReply = "high level: trains; low level: {oops";
        await harness.IngestDocumentAsync();

        var context = await harness.Rag.RetrieveContextAsync(new QueryRequest { Query = "Where does Contoso Rail end?", Mode = QueryMode.Hybrid });

        Assert.Contains("Contoso Rail", context.Keywords.LowLevel);
        Assert.NotEmpty(context.Chunks);
    }

    [Fact]
    public async Task StreamingQuery_SendsReferencesThenModelFragments()
    {
        await using var harness = await RagHarness.StartAsync();
        await harness.IngestDocumentAsync();

        var items = await harness.Rag.QueryStreamingAsync(new QueryRequest { Query = "Where does the night train end?", Mode = QueryMode.Mix }).ToListAsync();

        Assert.Equal(QueryStreamItemKind.References, items[0].Kind);
        Assert.Equal("night-trains.md", Assert.Single(items[0].Citations).DocumentName);
        Assert.False(items[0].IsExtractive);
        var fragments = items.Skip(1).ToList();
        Assert.All(fragments, item => Assert.Equal(QueryStreamItemKind.AnswerFragment, item.Kind));
        Assert.True(fragments.Count > 1, $"Expected the answer in several fragments, got {fragments.Count}.");
        Assert.Equal(ScriptedModel.Answer, string.Concat(fragments.Select(item => item.Text)));
        Assert.Contains(harness.Server.ChatRequests, request => request.Stream);
    }

    [Fact]
    public async Task StreamingQuery_WithoutChatModel_StreamsExtractiveSentences()
    {
        await using var harness = await RagHarness.StartAsync(withChat: false);
        await harness.IngestDocumentAsync();
        var request = new QueryRequest { Query = "Where does the night train end?", Mode = QueryMode.Naive };

        var items = await harness.Rag.QueryStreamingAsync(request).ToListAsync();
        var whole = await harness.Rag.QueryAsync(request);

        Assert.Equal(QueryStreamItemKind.References, items[0].Kind);
        Assert.True(items[0].IsExtractive);
        Assert.Equal(whole.Citations.Select(citation => citation.ChunkId), items[0].Citations.Select(citation => citation.ChunkId));
        Assert.True(items.Count > 2, "Expected one fragment per extractive sentence.");
        Assert.Equal(whole.Answer, string.Concat(items.Skip(1).Select(item => item.Text)));
        Assert.Empty(harness.Server.ChatRequests);
    }

    [Fact]
    public async Task StreamingBypass_WithoutChatModel_FailsOnFirstRead()
    {
        await using var harness = await RagHarness.StartAsync(withChat: false);

        var stream = harness.Rag.QueryStreamingAsync(new QueryRequest { Query = "Hello", Mode = QueryMode.Bypass });
        var error = await Assert.ThrowsAsync<RagAnythingException>(async () => await stream.ToListAsync());

        Assert.Equal(ErrorCategory.Validation, error.Category);
    }

    [Fact]
    public async Task TableAttachment_IsDescribedForRetrievalAndPrompt()
    {
        await using var harness = await RagHarness.StartAsync();
        await harness.IngestDocumentAsync();
        var table = new TableAttachment([["Departure", "Arrival"], ["Madrid 21:40", "Lisbon 07:10"]]);

        var result = await harness.Rag.QueryAsync(new QueryRequest { Query = "Which train is this?", Mode = QueryMode.Naive, Attachments = [table] });

        Assert.Equal(ScriptedModel.Answer, result.Answer);
        var requests = harness.Server.ChatRequests.ToList();
        var describe = Assert.Single(requests, request => request.SystemText.Contains("attached the item below", StringComparison.Ordinal));
        Assert.Contains("Lisbon 07:10", describe.LastUserText, StringComparison.Ordinal);
        var answer = Assert.Single(requests, request => request.SystemText.Contains("numbered context passages", StringComparison.Ordinal));
        Assert.StartsWith("Which train is this?", answer.LastUserText, StringComparison.Ordinal);
        Assert.Contains(ScriptedModel.AttachmentDescription, answer.LastUserText, StringComparison.Ordinal);
        Assert.Contains("Lisbon 07:10", answer.LastUserText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImageAttachment_IsSentToModel()
    {
        await using var harness = await RagHarness.StartAsync();
        await harness.IngestDocumentAsync();
        var image = new ImageAttachment(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "image/png") { Caption = "Platform sign" };

        await harness.Rag.QueryAsync(new QueryRequest { Query = "Where does this train go?", Mode = QueryMode.Mix, Attachments = [image] });

        var requests = harness.Server.ChatRequests.ToList();
        var describe = Assert.Single(requests, request => request.SystemText.Contains("attached the item below", StringComparison.Ordinal));
        Assert.Equal(1, describe.ImageCount);
        var answer = Assert.Single(requests, request => request.SystemText.Contains("numbered context passages", StringComparison.Ordinal));
        Assert.Equal(1, answer.ImageCount);
    }

    [Fact]
    public async Task OfflineAttachment_SteersRetrieval()
    {
        await using var harness = await RagHarness.StartAsync(withChat: false);
        await harness.IngestDocumentAsync();
        await harness.IngestDocumentAsync("bakery.md", "# Bakery\n\nThe Porto bakery of Fabrikam Foods bakes sourdough bread every night for its customers.\n");
        var table = new TableAttachment([["Product", "Maker"], ["Sourdough bread", "Fabrikam Foods bakery"]]);

        var citations = await harness.Rag.RetrieveAsync(new QueryRequest { Query = "Where is it made?", Mode = QueryMode.Naive, TopK = 1, Attachments = [table] });

        Assert.Equal("bakery.md", Assert.Single(citations).DocumentName);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/pdf")]
    public async Task ImageAttachment_WithOtherMediaType_IsRejected(string mediaType)
    {
        await using var harness = await RagHarness.StartAsync();
        var attachment = new ImageAttachment(new byte[] { 1, 2, 3 }, mediaType);

        var error = await Assert.ThrowsAsync<RagAnythingException>(() => harness.Rag.QueryAsync(new QueryRequest { Query = "What is this?", Attachments = [attachment] }));

        Assert.Equal(ErrorCategory.Validation, error.Category);
        Assert.Contains(mediaType, error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Server.ChatRequests);
    }

    [Fact]
    public async Task History_ReachesKeywordAndAnswerPrompts()
    {
        await using var harness = await RagHarness.StartAsync();
        await harness.IngestDocumentAsync();
        IReadOnlyList<ChatMessage> history =
        [
            new(ChatRole.User, "Tell me about Contoso Rail."),
            new(ChatRole.Assistant, "Contoso Rail runs a night train from Madrid."),
        ];

        foreach (var mode in new[] { QueryMode.Naive, QueryMode.Local, QueryMode.Global, QueryMode.Hybrid, QueryMode.Mix, QueryMode.Bypass })
        {
            while (harness.Server.ChatRequests.TryDequeue(out _))
            {
            }

            await harness.Rag.QueryAsync(new QueryRequest { Query = $"Where does it end? ({mode})", Mode = mode, History = history });

            var final = harness.Server.ChatRequests.Last();
            Assert.Contains(final.Messages, message => message.Role == "user" && message.Text == "Tell me about Contoso Rail.");
            Assert.Contains(final.Messages, message => message.Role == "assistant" && message.Text.StartsWith("Contoso Rail runs", StringComparison.Ordinal));
            if (mode is not (QueryMode.Naive or QueryMode.Bypass))
            {
                var keywords = Assert.Single(harness.Server.ChatRequests, request => request.SystemText.Contains("List search keywords", StringComparison.Ordinal));
                Assert.Contains("Tell me about Contoso Rail.", keywords.SystemText, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task RepeatedQuery_IsAnsweredFromResponseCache()
    {
        await using var harness = await RagHarness.StartAsync();
        await harness.IngestDocumentAsync();
        var request = new QueryRequest { Query = "Where does the night train end?", Mode = QueryMode.Mix };
        var statistics = harness.Services.GetRequiredService<LlmResponseCacheStatistics>();

        // Another top-k misses the whole-answer cache, but the document has one chunk, so the prompts are the same.
        var first = await harness.Rag.QueryAsync(request);
        var chatCallsAfterFirst = harness.Server.ChatRequests.Count;
        var hitsAfterFirst = statistics.Hits;
        var second = await harness.Rag.QueryAsync(request with { TopK = 4 });

        Assert.Equal(first.Answer, second.Answer);
        Assert.Equal(chatCallsAfterFirst, harness.Server.ChatRequests.Count);
        Assert.Equal(hitsAfterFirst + 2, statistics.Hits);
        var store = harness.Services.GetRequiredService<IKeyValueStore>();
        Assert.NotEmpty(await store.ListKeysAsync(LlmResponseCacheOptions.Collection).ToListAsync());
    }

    [Fact]
    public async Task StreamedAnswer_IsCachedForNextStream()
    {
        await using var harness = await RagHarness.StartAsync();
        await harness.IngestDocumentAsync();
        var request = new QueryRequest { Query = "Where does the night train end?", Mode = QueryMode.Naive };

        var first = await harness.Rag.QueryStreamingAsync(request).ToListAsync();
        var calls = harness.Server.ChatRequests.Count;
        var second = await harness.Rag.QueryStreamingAsync(request).ToListAsync();

        Assert.Equal(calls, harness.Server.ChatRequests.Count);
        Assert.Equal(string.Concat(first.Skip(1).Select(item => item.Text)), string.Concat(second.Skip(1).Select(item => item.Text)));
    }

    [Fact]
    public async Task DisabledResponseCache_CallsModelEachTime()
    {
        await using var harness = await RagHarness.StartAsync(configure: builder => builder.ConfigureLlmResponseCache(options => options.Enabled = false));
        await harness.IngestDocumentAsync();
        var request = new QueryRequest { Query = "Where does the night train end?", Mode = QueryMode.Naive };

        await harness.Rag.QueryAsync(request);
        await harness.Rag.QueryAsync(request with { TopK = 4 });

        Assert.Equal(2, harness.Server.ChatRequests.Count(chat => chat.SystemText.Contains("numbered context passages", StringComparison.Ordinal)));
        Assert.Equal(0, harness.Services.GetRequiredService<LlmResponseCacheStatistics>().Hits);
    }
}
