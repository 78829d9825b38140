using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.ML.Tokenizers;
using RagAnything.Embeddings.Onnx;
using RagAnything.Embeddings.Onnx.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the local ONNX embedding generator with RagAnything.
/// </summary>
public static class OnnxEmbeddingsRagAnythingBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="OnnxEmbeddingGenerator"/> as the <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> and
    /// its WordPiece tokenizer as the <see cref="Tokenizer"/> that chunking counts tokens with, replacing earlier
    /// registrations of both.
    /// </summary>
    /// <param name="builder">The RagAnything builder.</param>
    /// <param name="configure">Changes to the default options, such as a custom model; <see langword="null"/> keeps the bundled all-MiniLM-L6-v2.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <remarks>
    /// Nothing is loaded here. The options are validated when the host starts, and the model is extracted and loaded
    /// when the generator or the tokenizer is first used.
    /// </remarks>
    public static IRagAnythingBuilder AddOnnxEmbeddings(this IRagAnythingBuilder builder, Action<OnnxEmbeddingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var services = builder.Services;
        var options = services.AddOptions<OnnxEmbeddingOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OnnxEmbeddingOptions>, OnnxEmbeddingOptionsValidator>());

        // One set of resources serves both the generator and the tokenizer, so the model is extracted once.
        services.TryAddSingleton(provider => new OnnxModelResources(GetOptions(provider), GetLogger(provider)));
        services.TryAddSingleton(provider => new OnnxEmbeddingGenerator(GetOptions(provider), provider.GetRequiredService<OnnxModelResources>(), GetLogger(provider)));

        services.RemoveAll<IEmbeddingGenerator<string, Embedding<float>>>();
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(provider => provider.GetRequiredService<OnnxEmbeddingGenerator>());

        services.RemoveAll<Tokenizer>();
        services.AddSingleton<Tokenizer>(provider => provider.GetRequiredService<OnnxModelResources>().GetTokenizer());

        return builder;
    }

    private static OnnxEmbeddingOptions GetOptions(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<OnnxEmbeddingOptions>>().Value;

    private static ILogger GetLogger(IServiceProvider provider) =>
        provider.GetService<ILogger<OnnxEmbeddingGenerator>>() ?? (ILogger)NullLogger.Instance;
}
