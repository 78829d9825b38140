using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Embeddings;

namespace RagAnything.OpenAI;

/// <summary>
/// Creates the chat client and embedding generator from validated options, when they are first resolved.
/// </summary>
internal static class OpenAIClientFactory
{
    // The OpenAI library requires a key; local servers ignore it, so a placeholder is sent when none is set.
    private const string PlaceholderKey = "not-set";

    private const string OpenAIServiceName = "https://api.openai.com/v1";

    public static IChatClient CreateChatClient(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<OpenAIChatOptions>>().Value;
        var logger = CreateLogger(services);
        var endpoint = Describe(options);

        IChatClient client = new ChatClient(options.Model, Credential(options), ClientOptions(options)).AsIChatClient();
        if (options.VisionModel is { } visionModel && !string.Equals(visionModel, options.Model, StringComparison.Ordinal))
        {
            var vision = new ChatClient(visionModel, Credential(options), ClientOptions(options)).AsIChatClient();
            client = new VisionRoutingChatClient(client, vision);
        }

        var pipeline = OpenAIResilience.Create(options, services.GetService<TimeProvider>() ?? TimeProvider.System, logger);
        OpenAILog.ClientCreated(logger, "chat", options.Model, endpoint);
        return new ResilientChatClient(client, pipeline, options, endpoint, logger);
    }

    public static IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<OpenAIEmbeddingOptions>>().Value;
        var logger = CreateLogger(services);
        var endpoint = Describe(options);

        var generator = new EmbeddingClient(options.Model, Credential(options), ClientOptions(options)).AsIEmbeddingGenerator(options.Dimensions);
        var pipeline = OpenAIResilience.Create(options, services.GetService<TimeProvider>() ?? TimeProvider.System, logger);
        OpenAILog.ClientCreated(logger, "embedding", options.Model, endpoint);
        return new ResilientEmbeddingGenerator(generator, pipeline, options, endpoint, logger);
    }

    private static ApiKeyCredential Credential(OpenAIEndpointOptions options)
        => new(string.IsNullOrWhiteSpace(options.ApiKey) ? PlaceholderKey : options.ApiKey);

    private static OpenAIClientOptions ClientOptions(OpenAIEndpointOptions options)
    {
        return new OpenAIClientOptions
        {
            Endpoint = options.Endpoint,

            // Retries happen in the Polly pipeline, which reads Retry-After and logs each retry; the library's own
            // retry policy would multiply the attempts.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = options.Timeout,
        };
    }

    private static string Describe(OpenAIEndpointOptions options) => options.Endpoint?.ToString() ?? OpenAIServiceName;

    private static ILogger CreateLogger(IServiceProvider services)
        => (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger("RagAnything.OpenAI");
}
