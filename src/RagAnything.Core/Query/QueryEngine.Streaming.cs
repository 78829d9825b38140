using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using RagAnything.Caching;
using RagAnything.Diagnostics;

namespace RagAnything.Query;

internal sealed partial class QueryEngine
{
    /// <summary>
    /// Streams an answer: the citations first, then the answer text as the chat model writes it, or the extractive
    /// answer one sentence at a time when no chat model is registered.
    /// </summary>
    public async IAsyncEnumerable<QueryStreamItem> QueryStreamingAsync(QueryRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Validate(request);
        var started = time.GetTimestamp();
        var chatClient = services.GetCoreChatClient();
        var query = await AttachmentDescriber.PrepareAsync(request, chatClient, cancellationToken).ConfigureAwait(false);

        // Bypass retrieves nothing, so its references item is empty, which keeps the item order the same in every mode.
        QueryContext? context = null;
        List<ChatMessage> messages;
        if (request.Mode == QueryMode.Bypass)
        {
            messages = BypassMessages(query);
            chatClient = RequireChatClient(chatClient);
        }
        else
        {
            context = await RetrieveContextCoreAsync(query.RetrievalRequest, cancellationToken).ConfigureAwait(false);
            messages = ChatAnswerer.BuildMessages(query, context);
        }

        var citations = context?.Chunks ?? [];
        yield return new QueryStreamItem { Kind = QueryStreamItemKind.References, Mode = request.Mode, Citations = citations, IsExtractive = chatClient is null };

        if (chatClient is null)
        {
            var fragments = await extractive.AnswerFragmentsAsync(query.RetrievalRequest.Query, citations, _options.ExtractiveSentences, cancellationToken).ConfigureAwait(false);
            for (var index = 0; index < fragments.Count; index++)
            {
                var text = index == 0 ? fragments[index] : " " + fragments[index];
                yield return Fragment(request.Mode, text, isExtractive: true);
            }
        }
        else
        {
            await foreach (var update in chatClient.GetStreamingResponseAsync(messages, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                // Updates without text carry usage or finish reasons, which the stream does not expose.
                if (update.Text.Length > 0)
                {
                    yield return Fragment(request.Mode, update.Text, isExtractive: false);
                }
            }
        }

        Log.QueryAnswered(logger, request.Mode, citations.Count, (long)time.GetElapsedTime(started).TotalMilliseconds);
    }

    private static QueryStreamItem Fragment(QueryMode mode, string text, bool isExtractive)
        => new() { Kind = QueryStreamItemKind.AnswerFragment, Mode = mode, Text = text, IsExtractive = isExtractive };
}
