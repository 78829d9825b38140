using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using RagAnything.Errors;
using RagAnything.Storage;
using RagAnything.Storage.Vectors;

namespace RagAnything.Embeddings;

/// <summary>
/// Embeds texts with the registered generator and makes sure the target vector collection matches its model.
/// </summary>
/// <remarks>
/// The generator is resolved on first use, so registering RagAnything never loads a model.
/// </remarks>
internal sealed class EmbeddingService(IServiceProvider services, IVectorStore vectorStore)
{
    private readonly SemaphoreSlim _collectionLock = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _readyCollections = new(StringComparer.Ordinal);
    private IEmbeddingGenerator<string, Embedding<float>>? _generator;

    /// <summary>Embeds texts for the chunk collection, creating or checking that collection on first use.</summary>
    public Task<IReadOnlyList<ReadOnlyMemory<float>>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
        => EmbedAsync(texts, StoreCollections.Chunks, cancellationToken);

    /// <summary>Embeds texts for the vector collection <paramref name="collection"/>, creating or checking it on first use.</summary>
    public async Task<IReadOnlyList<ReadOnlyMemory<float>>> EmbedAsync(IReadOnlyList<string> texts, string collection, CancellationToken cancellationToken)
    {
        if (texts.Count == 0)
        {
            return [];
        }

        // Texts embedded before by the same model come from the embedding cache, and only the rest reach the generator.
        // The ingestion batcher keeps more than one batch here, so this cache I/O overlaps another batch's model run.
        var cache = services.GetService<RagAnything.Caching.EmbeddingCache>();
        var vectors = cache is null
            ? await GenerateAsync(texts, cancellationToken).ConfigureAwait(false)
            : await cache.EmbedAsync(GetModelId(), texts, GenerateAsync, cancellationToken).ConfigureAwait(false);

        await EnsureCollectionAsync(collection, vectors[0].Length, cancellationToken).ConfigureAwait(false);
        return vectors;
    }

    /// <summary>Calls the generator through the <c>raganything-embedding</c> resilience pipeline, when one is registered.</summary>
    private async Task<IReadOnlyList<ReadOnlyMemory<float>>> GenerateAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var generator = GetGenerator();
        var pipeline = services.GetService<Polly.Registry.ResiliencePipelineProvider<string>>()?.GetPipeline(RagAnything.Resilience.ResiliencePipelineNames.Embedding)
            ?? Polly.ResiliencePipeline.Empty;
        var embeddings = await pipeline.ExecuteAsync(
            async token => await generator.GenerateAsync(texts, cancellationToken: token).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);

        if (embeddings.Count != texts.Count)
        {
            throw new RagAnythingException(
                ErrorCategory.Permanent,
                $"The embedding generator returned {embeddings.Count} vectors for {texts.Count} texts. Check the generator implementation.");
        }

        return embeddings.Select(embedding => embedding.Vector).ToList();
    }

    private async ValueTask EnsureCollectionAsync(string name, int dimension, CancellationToken cancellationToken)
    {
        if (_readyCollections.ContainsKey(name))
        {
            return;
        }

        await _collectionLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_readyCollections.ContainsKey(name))
            {
                return;
            }

            var collection = new VectorCollectionInfo(name, dimension, GetModelId());
            await vectorStore.EnsureCollectionAsync(collection, cancellationToken).ConfigureAwait(false);
            _readyCollections[name] = true;
        }
        finally
        {
            _collectionLock.Release();
        }
    }

    private string GetModelId()
    {
        var generator = GetGenerator();
        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();
        return metadata?.DefaultModelId ?? generator.GetType().FullName ?? "unknown";
    }

    private IEmbeddingGenerator<string, Embedding<float>> GetGenerator()
    {
        return _generator ??= services.GetService<IEmbeddingGenerator<string, Embedding<float>>>()
            ?? throw new RagAnythingException(
                ErrorCategory.Validation,
                "No embedding generator is registered. Call AddOnnxEmbeddings() on the RagAnything builder, " +
                "or register an IEmbeddingGenerator<string, Embedding<float>> from Microsoft.Extensions.AI.");
    }
}
