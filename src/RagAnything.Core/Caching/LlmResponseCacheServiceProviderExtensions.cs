using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace RagAnything.Caching;

/// <summary>
/// Resolves the chat client that the core's chat calls (extraction, keywords, answers, descriptions) go through.
/// </summary>
internal static class LlmResponseCacheServiceProviderExtensions
{
    /// <summary>
    /// Returns the registered <see cref="IChatClient"/> wrapped by the chat scheduler and the response cache, or <see langword="null"/> when
    /// none is registered. It is resolved on each call, so a client registered after <c>AddRagAnything()</c> is used.
    /// </summary>
    public static IChatClient? GetCoreChatClient(this IServiceProvider services)
    {
        // The scheduler sits inside the response cache, so a cache hit never waits for or takes a model slot.
        var registered = services.GetService<IChatClient>();
        var inner = services.GetService<RagAnything.Chat.ChatClientScheduling>()?.Wrap(registered) ?? registered;
        var cache = services.GetService<LlmResponseCache>();
        return cache is null ? inner : cache.Wrap(inner);
    }
}
