using Microsoft.Extensions.AI;

namespace RagAnything.Core.Tests.Resilience;

/// <summary>
/// An embedding generator that throws the given exceptions on its first calls, then embeds every text as [1, 0].
/// A null entry makes that call hang until it is cancelled.
/// </summary>
internal sealed class FlakyEmbeddingGenerator(params Exception?[] failures) : IEmbeddingGenerator<string, Embedding<float>>
{
    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var attempt = Interlocked.Increment(ref _attempts) - 1;
        if (attempt < failures.Length)
        {
            if (failures[attempt] is { } failure)
            {
                throw failure;
            }

            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return new GeneratedEmbeddings<Embedding<float>>(values.Select(_ => new Embedding<float>(new float[] { 1, 0 })));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
