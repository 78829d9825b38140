using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RagAnything.Caching;
using RagAnything.Core.Tests.TestDoubles;
using RagAnything.Storage.Sqlite;

namespace RagAnything.Core.Tests.Caching;

public sealed class SqliteSecondLevelTests
{
    [Fact]
    public async Task Embedding_SurvivesNewRegistry()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "rag.db");
        var generated = 0;
        Task<IReadOnlyList<ReadOnlyMemory<float>>> Generate(IReadOnlyList<string> texts, CancellationToken token)
        {
            generated += texts.Count;
            return Task.FromResult<IReadOnlyList<ReadOnlyMemory<float>>>(texts.Select(text => new ReadOnlyMemory<float>([text.Length, 0.5f])).ToList());
        }

        await using (var database = OpenDatabase(path))
        {
            using var registry = CreateRegistry(new SqliteDistributedCache(database));
            await new EmbeddingCache(registry).EmbedAsync("model", ["alpha", "beta"], Generate, CancellationToken.None);
        }

        await using (var database = OpenDatabase(path))
        {
            using var registry = CreateRegistry(new SqliteDistributedCache(database));
            var vectors = await new EmbeddingCache(registry).EmbedAsync("model", ["beta", "alpha"], Generate, CancellationToken.None);

            Assert.Equal(2, generated);
            Assert.Equal([4f, 0.5f], vectors[0].ToArray());
            Assert.Equal([5f, 0.5f], vectors[1].ToArray());
            Assert.Equal(2, registry.GetSnapshot().Single(layer => layer.Layer == CacheLayer.Embedding).Hits);
        }
    }

    [Fact]
    public async Task OtherModel_MissesTheCache()
    {
        using var registry = CreateRegistry(distributedCache: null);
        var cache = new EmbeddingCache(registry);
        var calls = 0;
        Task<IReadOnlyList<ReadOnlyMemory<float>>> Generate(IReadOnlyList<string> texts, CancellationToken token)
        {
            calls++;
            return Task.FromResult<IReadOnlyList<ReadOnlyMemory<float>>>(texts.Select(_ => new ReadOnlyMemory<float>([1f])).ToList());
        }

        await cache.EmbedAsync("model-a", ["alpha", "alpha"], Generate, CancellationToken.None);
        await cache.EmbedAsync("model-b", ["alpha"], Generate, CancellationToken.None);

        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task DistributedEntry_ExpiresOnTime()
    {
        using var folder = new TemporaryFolder();
        await using var database = OpenDatabase(Path.Combine(folder.Path, "rag.db"));
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddDays(1));
        var cache = new SqliteDistributedCache(database, time);

        await cache.SetAsync("absolute", [1], new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(10) });
        await cache.SetAsync("sliding", [2], new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromSeconds(10), AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(25) });
        time.Advance(TimeSpan.FromSeconds(8));

        Assert.Equal([1], await cache.GetAsync("absolute"));
        Assert.Equal([2], await cache.GetAsync("sliding"));

        time.Advance(TimeSpan.FromSeconds(8));
        Assert.Null(await cache.GetAsync("absolute"));
        Assert.Equal([2], await cache.GetAsync("sliding"));

        // The sliding window moved to 26 s, but the absolute expiration at 25 s still ends it.
        time.Advance(TimeSpan.FromSeconds(9));
        Assert.Null(await cache.GetAsync("sliding"));
    }

    [Fact]
    public async Task DistributedEntry_RemovedAndReplaced()
    {
        using var folder = new TemporaryFolder();
        await using var database = OpenDatabase(Path.Combine(folder.Path, "rag.db"));
        var cache = new SqliteDistributedCache(database);
        var options = new DistributedCacheEntryOptions();

        await cache.SetAsync("key", [1], options);
        await cache.SetAsync("key", [2, 3], options);
        Assert.Equal([2, 3], await cache.GetAsync("key"));

        await cache.RemoveAsync("key");
        Assert.Null(await cache.GetAsync("key"));
    }

    [Fact]
    public async Task SqliteStorage_RegistersSecondLevel()
    {
        using var folder = new TemporaryFolder();
        var services = new ServiceCollection();
        services.AddRagAnything();
        services.AddRagAnythingSqliteStorage(sqlite => sqlite.DatabasePath = Path.Combine(folder.Path, "rag.db"));
        await using var provider = services.BuildServiceProvider();

        var registry = provider.GetRequiredService<CacheRegistry>();

        Assert.IsType<SqliteDistributedCache>(provider.GetService<IDistributedCache>());
        Assert.True(registry[CacheLayer.Embedding].HasDistributedCache);
    }

    private static SqliteDatabase OpenDatabase(string path)
        => new(Options.Create(new SqliteStorageOptions { DatabasePath = path }));

    private static CacheRegistry CreateRegistry(IDistributedCache? distributedCache)
        => new(Options.Create(new CacheOptions()), TimeProvider.System, distributedCache);
}
