using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;
using RagAnything.Storage.KeyValue;

namespace RagAnything.Caching;

/// <summary>
/// A chat client decorator that stores each response in the key-value collection
/// <see cref="LlmResponseCacheOptions.Collection"/> and returns it for an identical later call without asking the model.
/// </summary>
/// <remarks>
/// The key is the SHA-256 of the model id, every message with all its contents, and the chat options, which carry the
/// sampling settings (temperature, top-p, seed, maximum tokens). Streaming calls share entries with non-streaming ones:
/// a streamed response is stored whole once the stream ends, and a cached response is replayed as its updates.
/// Entries never expire, because a response stays right for its key. Calls that continue a server-side conversation
/// (<see cref="ChatOptions.ConversationId"/> set) are not cached, since their prompt is not all in the request.
/// </remarks>
internal sealed class LlmResponseCacheChatClient(IChatClient innerClient, IKeyValueStore store, LlmResponseCacheStatistics statistics, string modelId)
    : DelegatingChatClient(innerClient)
{
    // Raise when the stored format or the prompts' meaning changes, so responses cached before are not reused.
    private const string KeyVersion = "llm-response-1";

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        if (options?.ConversationId is not null)
        {
            return await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
        }

        var key = Key(list, options);
        var cached = await ReadAsync(key, cancellationToken).ConfigureAwait(false);
        if (cached is not null)
        {
            return cached;
        }

        var response = await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
        await WriteAsync(key, response, cancellationToken).ConfigureAwait(false);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        var key = options?.ConversationId is null ? Key(list, options) : null;
        var cached = key is null ? null : await ReadAsync(key, cancellationToken).ConfigureAwait(false);
        if (cached is not null)
        {
            foreach (var update in cached.ToChatResponseUpdates())
            {
                yield return update;
            }

            yield break;
        }

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in base.GetStreamingResponseAsync(list, options, cancellationToken).ConfigureAwait(false))
        {
            updates.Add(update);
            yield return update;
        }

        // Only a stream read to its end is stored; a caller that stops early never reaches this line.
        if (key is not null)
        {
            await WriteAsync(key, updates.ToChatResponse(), cancellationToken).ConfigureAwait(false);
        }
    }

    private string Key(IReadOnlyList<ChatMessage> messages, ChatOptions? options)
        => AIJsonUtilities.HashDataToString([KeyVersion, modelId, messages, options], AIJsonUtilities.DefaultOptions);

    private async Task<ChatResponse?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var value = await store.GetAsync(LlmResponseCacheOptions.Collection, key, cancellationToken).ConfigureAwait(false);
        if (value is null)
        {
            statistics.RecordMiss();
            return null;
        }

        statistics.RecordHit();
        return (ChatResponse?)JsonSerializer.Deserialize(value, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ChatResponse)));
    }

    private async Task WriteAsync(string key, ChatResponse response, CancellationToken cancellationToken)
    {
        var value = JsonSerializer.SerializeToUtf8Bytes(response, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ChatResponse)));
        await store.UpsertAsync(LlmResponseCacheOptions.Collection, [new KeyValuePair<string, byte[]>(key, value)], cancellationToken).ConfigureAwait(false);
        statistics.RecordWrite();
    }
}
