using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Polly;

namespace RagAnything.OpenAI;

/// <summary>
/// Runs each embedding call through the retry and timeout pipeline and turns its failures into
/// <see cref="Errors.RagAnythingException"/>s with a category.
/// </summary>
internal sealed class ResilientEmbeddingGenerator(
    IEmbeddingGenerator<string, Embedding<float>> innerGenerator,
    ResiliencePipeline pipeline,
    OpenAIEndpointOptions endpointOptions,
    string endpoint,
    ILogger logger)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(innerGenerator)
{
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var list = values.ToList();
        try
        {
            return await pipeline.ExecuteAsync(
                async token => await base.GenerateAsync(list, options, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (OpenAIErrors.Map(exception, endpointOptions.Model, endpoint, endpointOptions.Timeout, cancellationToken) is { } mapped)
        {
            OpenAILog.CallFailed(logger, exception, endpointOptions.Model, mapped.Category, mapped.Message);
            throw mapped;
        }
    }
}
