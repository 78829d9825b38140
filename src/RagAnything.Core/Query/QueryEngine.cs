using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagAnything.Caching;
using RagAnything.Diagnostics;
using RagAnything.Embeddings;
using RagAnything.Errors;
using RagAnything.Graph;
using RagAnything.Storage;
using RagAnything.Storage.Keyword;
using RagAnything.Storage.Vectors;

namespace RagAnything.Query;

/// <summary>
/// Retrieves context for a question in any query mode and answers it, with the chat model when one is registered
/// and extractively otherwise.
/// </summary>
internal sealed partial class QueryEngine(
    IServiceProvider services,
    IVectorStore vectors,
    IKeywordIndex keywords,
    CitationBuilder citations,
    EmbeddingService embeddings,
    ExtractiveAnswerer extractive,
    GraphRetriever graphRetriever,
    QueryKeywordExtractor keywordExtractor,
    TokenCounter tokens,
    IOptions<RagAnythingOptions> options,
    TimeProvider time,
    ILogger logger)
{
    private readonly QueryOptions _options = options.Value.Query;

    public async Task<QueryResult> QueryAsync(QueryRequest request, CancellationToken cancellationToken)
    {
        Validate(request);

        // Chat calls made while answering go ahead of ingestion calls in the chat scheduler.
        using var priority = RagAnything.Chat.ChatPriorityScope.Enter(RagAnything.Chat.ChatPriority.Query);

        // Attachments are left out of the cache key, so questions with attachments are always answered afresh.
        var cache = services.GetService<QueryCache>();
        if (cache is null || request.Attachments.Count > 0)
        {
            return await AnswerAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var answererId = services.GetCoreChatClient()?.GetService<ChatClientMetadata>()?.DefaultModelId ?? (services.GetService<IChatClient>() is null ? "extractive" : "chat");
        return await cache.GetOrAnswerAsync(request, answererId, token => new ValueTask<QueryResult>(AnswerAsync(request, token)), cancellationToken).ConfigureAwait(false);
    }

    private async Task<QueryResult> AnswerAsync(QueryRequest request, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var chatClient = services.GetCoreChatClient();
        var query = await AttachmentDescriber.PrepareAsync(request, chatClient, cancellationToken).ConfigureAwait(false);

        if (request.Mode == QueryMode.Bypass)
        {
            return await BypassAsync(query, chatClient, cancellationToken).ConfigureAwait(false);
        }

        var context = await RetrieveContextCoreAsync(query.RetrievalRequest, cancellationToken).ConfigureAwait(false);

        string answer;
        if (chatClient is null)
        {
            answer = await extractive.AnswerAsync(query.RetrievalRequest.Query, context.Chunks, _options.ExtractiveSentences, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var response = await chatClient.GetResponseAsync(ChatAnswerer.BuildMessages(query, context), cancellationToken: cancellationToken).ConfigureAwait(false);
            answer = response.Text;
        }

        Log.QueryAnswered(logger, request.Mode, context.Chunks.Count, (long)time.GetElapsedTime(started).TotalMilliseconds);
        return new QueryResult { Answer = answer, Citations = context.Chunks, Mode = request.Mode, IsExtractive = chatClient is null };
    }

    public async Task<IReadOnlyList<Citation>> RetrieveAsync(QueryRequest request, CancellationToken cancellationToken)
    {
        var context = await RetrieveContextAsync(request, cancellationToken).ConfigureAwait(false);
        return context.Chunks;
    }

    public async Task<QueryContext> RetrieveContextAsync(QueryRequest request, CancellationToken cancellationToken)
    {
        Validate(request);
        using var priority = RagAnything.Chat.ChatPriorityScope.Enter(RagAnything.Chat.ChatPriority.Query);
        if (request.Mode == QueryMode.Bypass)
        {
            throw new RagAnythingException(
                ErrorCategory.Validation,
                "Query mode 'bypass' sends the question to the chat model without retrieval, so it has no context to return. Use another mode.");
        }

        var query = await AttachmentDescriber.PrepareAsync(request, services.GetCoreChatClient(), cancellationToken).ConfigureAwait(false);
        return await RetrieveContextCoreAsync(query.RetrievalRequest, cancellationToken).ConfigureAwait(false);
    }

    private async Task<QueryContext> RetrieveContextCoreAsync(QueryRequest request, CancellationToken cancellationToken)
    {
        var topK = request.TopK ?? _options.TopK;
        var queryVector = (await embeddings.EmbedAsync([request.Query], cancellationToken).ConfigureAwait(false))[0];

        if (request.Mode == QueryMode.Naive)
        {
            var (vectorIds, keywordIds) = await SearchChunksAsync(request, queryVector, topK, cancellationToken).ConfigureAwait(false);
            var fused = RankFusion.Fuse(_options.RrfConstant, vectorIds, keywordIds);
            var chunks = await citations.BuildAsync(fused, topK, request.DocumentIds, tokenBudget: null, cancellationToken).ConfigureAwait(false);
            return new QueryContext { Mode = request.Mode, Keywords = new QueryKeywords([], []), Entities = [], Relations = [], Chunks = chunks };
        }

        return await RetrieveGraphContextAsync(request, queryVector, topK, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the chunk vector and keyword searches and returns both rankings of chunk ids.</summary>
    private async Task<(List<string> VectorIds, List<string> KeywordIds)> SearchChunksAsync(
        QueryRequest request,
        ReadOnlyMemory<float> queryVector,
        int topK,
        CancellationToken cancellationToken)
    {
        var candidateCount = topK * _options.CandidateMultiplier;
        var filter = request.DocumentIds is null ? null : new VectorSearchFilter { DocumentIds = request.DocumentIds };
        var vectorMatches = await vectors.SearchAsync(StoreCollections.Chunks, queryVector, candidateCount, filter, cancellationToken).ConfigureAwait(false);

        IReadOnlyList<KeywordMatch> keywordMatches = [];
        if (_options.UseKeywordSearch)
        {
            keywordMatches = await keywords.SearchAsync(request.Query, candidateCount, cancellationToken).ConfigureAwait(false);
            if (request.DocumentIds is not null)
            {
                keywordMatches = keywordMatches.Where(match => request.DocumentIds.Contains(match.DocumentId)).ToList();
            }
        }

        Log.Retrieved(logger, vectorMatches.Count, keywordMatches.Count);
        return (vectorMatches.Select(match => match.Id).ToList(), keywordMatches.Select(match => match.Id).ToList());
    }

    private static async Task<QueryResult> BypassAsync(PreparedQuery query, IChatClient? chatClient, CancellationToken cancellationToken)
    {
        var response = await RequireChatClient(chatClient).GetResponseAsync(BypassMessages(query), cancellationToken: cancellationToken).ConfigureAwait(false);
        return new QueryResult { Answer = response.Text, Citations = [], Mode = QueryMode.Bypass };
    }

    private static IChatClient RequireChatClient(IChatClient? chatClient) => chatClient ?? throw new RagAnythingException(
        ErrorCategory.Validation,
        "Query mode 'bypass' sends the question to the chat model alone, but no IChatClient is registered. Register one or use mode 'naive'.");

    private static List<ChatMessage> BypassMessages(PreparedQuery query) => [.. query.Request.History, ChatAnswerer.BuildQuestion(query)];

    private void Validate(QueryRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        if (string.IsNullOrWhiteSpace(request.Query))
        {
            throw new RagAnythingException(ErrorCategory.Validation, "The query text is empty. Pass the question in QueryRequest.Query.");
        }

        if (request.TopK is { } topK && (topK < 1 || topK > _options.MaxTopK))
        {
            throw new RagAnythingException(ErrorCategory.Validation, $"Top-k {topK} is out of range; it must be from 1 to Query:MaxTopK ({_options.MaxTopK}).");
        }

        if (!Enum.IsDefined(request.Mode))
        {
            throw new RagAnythingException(ErrorCategory.Validation, $"Query mode {(int)request.Mode} is not one of naive, local, global, hybrid, mix or bypass.");
        }

        QueryAttachmentValidation.Validate(request.Attachments);
    }
}
