using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RagAnything.Caching;

/// <summary>
/// Registers the chat-model response cache; <c>AddRagAnything()</c> calls it.
/// </summary>
internal static class LlmResponseCacheRegistration
{
    public static void Add(IServiceCollection services)
    {
        services.AddOptions<LlmResponseCacheOptions>();
        services.TryAddSingleton<LlmResponseCacheStatistics>();
        services.TryAddSingleton<LlmResponseCache>();
    }
}
