using Microsoft.Extensions.AI;

namespace RagAnything.Core.Tests.TestDoubles;

/// <summary>
/// A deterministic bag-of-words embedding: each lowercased word adds 1 to a hashed dimension, then the vector is
/// L2-normalised. Texts sharing words get high cosine similarity, which is enough to test the pipeline's plumbing
/// without loading a model.
/// </summary>
internal sealed class HashingEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const int Dimensions = 256;

    private readonly EmbeddingGeneratorMetadata _metadata = new("hashing-test", defaultModelId: "hashing-bag-of-words", defaultModelDimensions: Dimensions);

    public int CallCount { get; private set; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        CallCount++;

        var embeddings = values.Select(value => new Embedding<float>(Embed(value))).ToList();
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(embeddings));
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
        => serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata : null;

    public void Dispose()
    {
    }

    private static uint Fnv1a(string word)
    {
        var hash = 2166136261u;
        foreach (var character in word)
        {
            hash = (hash ^ character) * 16777619u;
        }

        return hash;
    }

    private static float[] Embed(string text)
    {
        var vector = new float[Dimensions];
        var words = text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

        foreach (var word in words)
        {
            var trimmed = word.Trim('.', ',', '?', '!', ';', ':', '"', '(', ')');
            if (trimmed.Length == 0)
            {
                continue;
            }

            var hash = Fnv1a(trimmed);
            vector[hash % Dimensions] += 1;
        }

        var norm = MathF.Sqrt(vector.Sum(value => value * value));
        if (norm == 0)
        {
            vector[0] = 1;
            return vector;
        }

        for (var index = 0; index < vector.Length; index++)
        {
            vector[index] /= norm;
        }

        return vector;
    }
}
