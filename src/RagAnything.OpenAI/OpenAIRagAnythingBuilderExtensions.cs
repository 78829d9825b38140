using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RagAnything.OpenAI;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers OpenAI-compatible chat and embedding models for RagAnything.
/// </summary>
/// <remarks>
/// Nothing connects at registration: the clients are created when first resolved, after the options are validated.
/// A host built on Microsoft.Extensions.Hosting validates them on start and fails with every invalid setting listed.
/// </remarks>
public static class OpenAIRagAnythingBuilderExtensions
{
    /// <summary>
    /// Registers an <see cref="IChatClient"/> for an OpenAI-compatible chat endpoint, replacing any registered before.
    /// </summary>
    /// <param name="builder">The RagAnything builder.</param>
    /// <param name="configure">Sets the endpoint, model, key, timeout and retries.</param>
    /// <returns>The same builder.</returns>
    public static IRagAnythingBuilder AddOpenAIChatClient(this IRagAnythingBuilder builder, Action<OpenAIChatOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);

        AddChat(builder.Services).Configure(configure);
        return builder;
    }

    /// <summary>
    /// Registers an <see cref="IChatClient"/> for an OpenAI-compatible chat endpoint, with settings bound from a
    /// configuration section: <c>Endpoint</c>, <c>Model</c>, <c>ApiKey</c>, <c>Timeout</c>, <c>MaxRetries</c> and
    /// optionally <c>VisionModel</c>.
    /// </summary>
    /// <param name="builder">The RagAnything builder.</param>
    /// <param name="section">The configuration section, such as <c>configuration.GetSection("OpenAI:Chat")</c>.</param>
    /// <returns>The same builder.</returns>
    public static IRagAnythingBuilder AddOpenAIChatClient(this IRagAnythingBuilder builder, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);

        AddChat(builder.Services).Bind(section);
        return builder;
    }

    /// <summary>
    /// Registers an <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> for an OpenAI-compatible embedding endpoint,
    /// replacing any registered before.
    /// </summary>
    /// <param name="builder">The RagAnything builder.</param>
    /// <param name="configure">Sets the endpoint, model, key, timeout, retries and dimensions.</param>
    /// <returns>The same builder.</returns>
    public static IRagAnythingBuilder AddOpenAIEmbeddings(this IRagAnythingBuilder builder, Action<OpenAIEmbeddingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);

        AddEmbeddings(builder.Services).Configure(configure);
        return builder;
    }

    /// <summary>
    /// Registers an <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> for an OpenAI-compatible embedding endpoint,
    /// with settings bound from a configuration section: <c>Endpoint</c>, <c>Model</c>, <c>ApiKey</c>, <c>Timeout</c>,
    /// <c>MaxRetries</c> and optionally <c>Dimensions</c>.
    /// </summary>
    /// <param name="builder">The RagAnything builder.</param>
    /// <param name="section">The configuration section, such as <c>configuration.GetSection("OpenAI:Embeddings")</c>.</param>
    /// <returns>The same builder.</returns>
    public static IRagAnythingBuilder AddOpenAIEmbeddings(this IRagAnythingBuilder builder, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);

        AddEmbeddings(builder.Services).Bind(section);
        return builder;
    }

    private static OptionsBuilder<OpenAIChatOptions> AddChat(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OpenAIChatOptions>, OpenAIOptionsValidator>());
        services.Replace(ServiceDescriptor.Singleton(OpenAIClientFactory.CreateChatClient));
        return services.AddOptions<OpenAIChatOptions>().ValidateOnStart();
    }

    private static OptionsBuilder<OpenAIEmbeddingOptions> AddEmbeddings(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OpenAIEmbeddingOptions>, OpenAIOptionsValidator>());
        services.Replace(ServiceDescriptor.Singleton(OpenAIClientFactory.CreateEmbeddingGenerator));
        return services.AddOptions<OpenAIEmbeddingOptions>().ValidateOnStart();
    }
}
