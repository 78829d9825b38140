using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RagAnything.Core.Tests.TestDoubles;
using RagAnything.Embeddings;
using RagAnything.Ingestion.Engine;
using RagAnything.Storage.InMemory;

namespace RagAnything.Core.Tests.Ingestion;

public sealed class EmbeddingBatcherTests
{
    [Fact]
    public async Task Dispose_WhileGathering_EndsGatheredRequests()
    {
        // A long delay keeps the loop waiting for company with the first request already taken from the queue.
        var batcher = CreateBatcher(delay: TimeSpan.FromMinutes(5));
        var embedding = batcher.EmbedAsync(["A request that waits for a full batch."], CancellationToken.None);
        await Task.Delay(300);

        await batcher.DisposeAsync();

        var exception = await Record.ExceptionAsync(() => embedding.WaitAsync(TimeSpan.FromSeconds(10)));
        // Stopping either cancels the batch being sent or fails the requests it had not sent, but never loses one.
        Assert.True(exception is ObjectDisposedException or OperationCanceledException, $"The request ended with {exception?.GetType().Name}: {exception?.Message}");
    }

    [Fact]
    public async Task Embed_ManyConcurrentCallers_AllComplete()
    {
        await using var batcher = CreateBatcher(delay: TimeSpan.FromMilliseconds(5));

        var calls = Enumerable.Range(0, 200)
            .Select(call => batcher.EmbedAsync([$"text {call}", $"shared text", $"other {call % 7}"], CancellationToken.None))
            .ToList();
        var results = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.All(results, vectors => Assert.Equal(3, vectors.Count));
    }

    [Fact]
    public async Task PartialBatch_WaitsOnInjectedClock()
    {
        var clock = new FakeTimeProvider();
        await using var batcher = CreateBatcher(delay: TimeSpan.FromSeconds(10), clock);

        var embedding = batcher.EmbedAsync(["One text, far from a full batch."], CancellationToken.None);
        await Task.Delay(300);
        Assert.False(embedding.IsCompleted, "A partial batch should wait for the batch delay on the injected clock.");

        clock.Advance(TimeSpan.FromSeconds(10));

        var vectors = await embedding.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Single(vectors);
    }

    private static EmbeddingBatcher CreateBatcher(TimeSpan delay, TimeProvider? time = null)
    {
        var services = new ServiceCollection()
            .AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new HashingEmbeddingGenerator())
            .BuildServiceProvider();
        var embeddings = new EmbeddingService(services, new InMemoryVectorStore());
        return new EmbeddingBatcher(embeddings, batchSize: 8, delay, concurrency: 2, time ?? TimeProvider.System);
    }
}
