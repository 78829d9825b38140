using RagAnything.Caching;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Configures the chat-model response cache of RagAnything.
/// </summary>
public static class LlmResponseCacheBuilderExtensions
{
    /// <summary>
    /// Sets the options of the chat-model response cache, for example <c>options =&gt; options.Enabled = false</c>.
    /// </summary>
    /// <param name="builder">The RagAnything builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The same builder.</returns>
    public static IRagAnythingBuilder ConfigureLlmResponseCache(this IRagAnythingBuilder builder, Action<LlmResponseCacheOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);

        builder.Services.Configure(configure);
        return builder;
    }
}
