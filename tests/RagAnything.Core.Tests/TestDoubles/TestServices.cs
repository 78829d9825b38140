using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.ML.Tokenizers;

namespace RagAnything.Core.Tests.TestDoubles;

/// <summary>
/// Builds service providers on the in-memory stores, the default parsers, the BERT tokenizer and the hashing embedding generator.
/// </summary>
internal static class TestServices
{
    public static ServiceProvider Create(Action<RagAnythingOptions>? configure = null, IChatClient? chatClient = null, IEmbeddingGenerator<string, Embedding<float>>? generator = null, Action<IServiceCollection>? configureServices = null)
    {
        var services = new ServiceCollection();
        services.AddRagAnything(configure).AddDefaultParsers();
        services.AddSingleton<Tokenizer>(BertVocabularyTokenizer.Instance);
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(generator ?? new HashingEmbeddingGenerator());
        if (chatClient is not null)
        {
            services.AddSingleton(chatClient);
        }

        configureServices?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
