using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using RagAnything.Storage.KeyValue;

namespace RagAnything.Caching;

/// <summary>
/// Wraps the registered chat client in one <see cref="LlmResponseCacheChatClient"/>, created on first use.
/// </summary>
internal sealed class LlmResponseCache(IKeyValueStore store, LlmResponseCacheStatistics statistics, IOptions<LlmResponseCacheOptions> options)
{
    private readonly Lock _gate = new();
    private IChatClient? _inner;
    private IChatClient? _wrapped;

    /// <summary>
    /// Returns the caching wrapper of <paramref name="inner"/>, created once per inner client, or
    /// <paramref name="inner"/> itself when caching is disabled or no client is registered.
    /// </summary>
    public IChatClient? Wrap(IChatClient? inner)
    {
        if (inner is null || !options.Value.Enabled)
        {
            return inner;
        }

        lock (_gate)
        {
            if (!ReferenceEquals(inner, _inner))
            {
                // The client's type replaces the model id in the key when the provider reports none.
                var model = inner.GetService<ChatClientMetadata>()?.DefaultModelId ?? inner.GetType().FullName ?? "unknown";
                _wrapped = new LlmResponseCacheChatClient(inner, store, statistics, model);
                _inner = inner;
            }

            return _wrapped;
        }
    }
}
