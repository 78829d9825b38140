using Microsoft.Extensions.AI;

namespace RagAnything.SemanticKernel.Tests.TestDoubles;

/// <summary>
/// A deterministic bag-of-words embedding: each lowercased word adds 1 to a hashed dimension, then the vector is
/// L2-normalised, so texts that share words are similar without loading a model.
/// </summary>
internal sealed class WordHashEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private const int Dimensions = 128;

    private readonly EmbeddingGeneratorMetadata _metadata = new("word-hash-test", defaultModelId: "word-hash", defaultModelDimensions: Dimensions);

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(value => new Embedding<float>(Embed(value)))));
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
        => serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata : null;

    public void Dispose()
    {
    }

    private static float[] Embed(string text)
    {
        var vector = new float[Dimensions];
        foreach (var word in text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var trimmed = word.Trim('.', ',', '?', '!', ';', ':', '"', '(', ')');
            if (trimmed.Length > 0)
            {
                vector[(uint)string.GetHashCode(trimmed, StringComparison.Ordinal) % Dimensions] += 1;
            }
        }

        var norm = MathF.Sqrt(vector.Sum(value => value * value));
        vector[0] += norm == 0 ? 1 : 0;
        norm = norm == 0 ? 1 : norm;
        return vector.Select(value => value / norm).ToArray();
    }
}
