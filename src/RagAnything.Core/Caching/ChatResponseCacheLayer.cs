using System.Text.Json;
using Microsoft.Extensions.AI;

namespace RagAnything.Caching;

/// <summary>
/// A chat client that answers repeated prompts from the chat layer of the engine's HybridCache, keyed by the model id,
/// the full prompt and the chat options, so the same extraction or question never reaches the model twice.
/// </summary>
/// <remarks>
/// An alternative to the key-value-store response cache, counted in <see cref="ICacheStatistics"/> under
/// <see cref="CacheLayer.Chat"/>. Streaming calls pass through uncached, because their updates reach the caller
/// before the whole response exists. Safe for concurrent use.
/// </remarks>
internal sealed class ChatResponseCacheLayer : DelegatingChatClient
{
    // Raise when the meaning of cached responses changes without the prompt text changing.
    private const string KeyVersion = "1";

    private readonly CacheRegistry _registry;
    private readonly string _modelId;

    public ChatResponseCacheLayer(IChatClient innerClient, CacheRegistry registry)
        : base(innerClient)
    {
        _registry = registry;
        _modelId = innerClient.GetService<ChatClientMetadata>()?.DefaultModelId ?? innerClient.GetType().FullName ?? "unknown";
    }

    /// <inheritdoc/>
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        var key = CreateKey(list, options);
        var call = (Client: this, Messages: list, Options: options);

        return await _registry[CacheLayer.Chat].GetOrCreateAsync(
            key,
            call,
            static async (state, token) => await state.Client.SendAsync(state.Messages, state.Options, token).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Builds the key from the model id, every message with its role and contents, and the options, all as JSON.</summary>
    internal string CreateKey(IReadOnlyList<ChatMessage> messages, ChatOptions? options)
    {
        var serializer = AIJsonUtilities.DefaultOptions;
        var prompt = JsonSerializer.Serialize(messages, serializer.GetTypeInfo(typeof(IReadOnlyList<ChatMessage>)));
        var settings = options is null ? "null" : JsonSerializer.Serialize(options, serializer.GetTypeInfo(typeof(ChatOptions)));
        return CacheKeys.Combine(KeyVersion, _modelId, prompt, settings);
    }

    private Task<ChatResponse> SendAsync(IReadOnlyList<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
        => base.GetResponseAsync(messages, options, cancellationToken);
}
