using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Polly.Timeout;
using RagAnything.Core.Tests.TestDoubles;
using RagAnything.Embeddings;
using RagAnything.Errors;
using RagAnything.Resilience;

namespace RagAnything.Core.Tests.Resilience;

public sealed class EmbeddingResilienceTests
{
    [Fact]
    public async Task TransientTwice_SucceedsOnThirdAttempt()
    {
        var generator = new FlakyEmbeddingGenerator(
            new HttpRequestException("Too many requests", null, HttpStatusCode.TooManyRequests),
            new HttpRequestException("Bad gateway", null, HttpStatusCode.BadGateway));
        await using var services = Create(generator);

        var vectors = await services.GetRequiredService<EmbeddingService>().EmbedAsync(["alpha"], CancellationToken.None);

        Assert.Single(vectors);
        Assert.Equal(3, generator.Attempts);
    }

    [Fact]
    public async Task PermanentError_FailsAfterOneAttempt()
    {
        var generator = new FlakyEmbeddingGenerator(new InvalidDataException("The model file is corrupt."));
        await using var services = Create(generator);

        await Assert.ThrowsAsync<InvalidDataException>(() => services.GetRequiredService<EmbeddingService>().EmbedAsync(["alpha"], CancellationToken.None));

        Assert.Equal(1, generator.Attempts);
    }

    [Fact]
    public async Task ValidationError_FailsAfterOneAttempt()
    {
        var generator = new FlakyEmbeddingGenerator(new RagAnythingException(ErrorCategory.Validation, "The text is too long."));
        await using var services = Create(generator);

        await Assert.ThrowsAsync<RagAnythingException>(() => services.GetRequiredService<EmbeddingService>().EmbedAsync(["alpha"], CancellationToken.None));

        Assert.Equal(1, generator.Attempts);
    }

    [Fact]
    public async Task HangingCall_TimesOutAsTimeoutCategory()
    {
        var time = new FakeTimeProvider();
        var generator = new FlakyEmbeddingGenerator([null]);
        await using var services = Create(generator, time, retries: 0);

        var embedding = services.GetRequiredService<EmbeddingService>().EmbedAsync(["alpha"], CancellationToken.None);
        await WaitUntilAsync(() => generator.Attempts == 1);
        time.Advance(TimeSpan.FromSeconds(5));

        var exception = await Assert.ThrowsAsync<TimeoutRejectedException>(() => embedding);
        Assert.Equal(ErrorCategory.Timeout, ErrorClassifier.Classify(exception));
    }

    [Fact]
    public async Task CachedText_SkipsTheGenerator()
    {
        var generator = new FlakyEmbeddingGenerator();
        await using var services = Create(generator);
        var embeddings = services.GetRequiredService<EmbeddingService>();

        await embeddings.EmbedAsync(["alpha", "beta"], CancellationToken.None);
        await embeddings.EmbedAsync(["beta", "alpha"], CancellationToken.None);

        Assert.Equal(1, generator.Attempts);
    }

    private static ServiceProvider Create(FlakyEmbeddingGenerator generator, TimeProvider? time = null, int retries = 3)
    {
        return TestServices.Create(
            generator: generator,
            configureServices: services =>
            {
                if (time is not null)
                {
                    services.AddSingleton(time);
                }

                services.Configure<ResilienceOptions>(options =>
                {
                    options.Embedding.MaxRetryAttempts = retries;
                    options.Embedding.BaseDelay = TimeSpan.Zero;
                    options.Embedding.UseJitter = false;
                    options.Embedding.AttemptTimeout = TimeSpan.FromSeconds(5);
                });
            });
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold within 5 seconds.");
            await Task.Delay(5);
        }
    }
}
