using Microsoft.Extensions.AI;

namespace RagAnything.Hosting.Tests.TestDoubles;

/// <summary>
/// A deterministic embedding for fast tests: every lowercased word of at least three letters increments one of
/// 384 dimensions chosen by a stable string hash, and the vector is normalised. Texts that share words score
/// high under cosine similarity. Texts containing <see cref="SlowMarker"/> wait for <see cref="Release"/> or
/// cancellation, which lets a test cancel a task while it is in the embedding stage.
/// </summary>
internal sealed class WordHashEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const int Dimensions = 384;

    public const string SlowMarker = "slowmarkerzz";

    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly EmbeddingGeneratorMetadata _metadata = new("word-hash", defaultModelId: "word-hash-384", defaultModelDimensions: Dimensions);

    /// <summary>Gets a task that completes when a text with the slow marker starts waiting.</summary>
    public TaskCompletionSource SlowTextStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _release.TrySetResult();

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        if (texts.Exists(text => text.Contains(SlowMarker, StringComparison.OrdinalIgnoreCase)))
        {
            SlowTextStarted.TrySetResult();
            await _release.Task.WaitAsync(cancellationToken);
        }

        return new GeneratedEmbeddings<Embedding<float>>(texts.Select(text => new Embedding<float>(Embed(text))));
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
        => serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata : null;

    public void Dispose()
    {
    }

    private static float[] Embed(string text)
    {
        var vector = new float[Dimensions];
        foreach (var word in text.ToLowerInvariant().Split(' ', '\n', '\t', '.', ',', ';', ':', '?', '!', '(', ')', '"'))
        {
            if (word.Length >= 3)
            {
                // string.GetHashCode is randomised per process; a fixed polynomial hash keeps vectors stable across restarts.
                var hash = 17u;
                foreach (var character in word)
                {
                    hash = (hash * 31) + character;
                }

                vector[hash % Dimensions] += 1;
            }
        }

        var length = MathF.Sqrt(vector.Sum(value => value * value));
        if (length == 0)
        {
            vector[1] = 1;
            return vector;
        }

        for (var index = 0; index < vector.Length; index++)
        {
            vector[index] /= length;
        }

        return vector;
    }
}
