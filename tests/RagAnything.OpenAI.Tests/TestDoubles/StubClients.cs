using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RagAnything.OpenAI.Tests.Stub;

namespace RagAnything.OpenAI.Tests.TestDoubles;

/// <summary>
/// Resolves the chat client and embedding generator that the OpenAI package registers, pointed at a stub server.
/// </summary>
internal static class StubClients
{
    public static ServiceProvider Create(
        OpenAIStubServer server,
        Action<OpenAI.OpenAIChatOptions>? chat = null,
        Action<OpenAI.OpenAIEmbeddingOptions>? embeddings = null,
        ListLoggerProvider? logs = null)
    {
        var services = new ServiceCollection();
        if (logs is not null)
        {
            services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        }

        var builder = services.AddRagAnything();
        builder.AddOpenAIChatClient(options =>
        {
            options.Endpoint = server.Endpoint;
            options.Model = "stub-chat";
            options.Timeout = TimeSpan.FromSeconds(10);
            chat?.Invoke(options);
        });
        builder.AddOpenAIEmbeddings(options =>
        {
            options.Endpoint = server.Endpoint;
            options.Model = "stub-embed";
            options.Timeout = TimeSpan.FromSeconds(10);
            embeddings?.Invoke(options);
        });

        return services.BuildServiceProvider();
    }

    public static IChatClient Chat(this ServiceProvider services) => services.GetRequiredService<IChatClient>();

    public static IEmbeddingGenerator<string, Embedding<float>> Embeddings(this ServiceProvider services)
        => services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
}
