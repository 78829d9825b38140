using RagAnything.Caching;

namespace RagAnything.Core.Tests.Caching;

public sealed class CountingHybridCacheTests
{
    [Fact]
    public async Task GetOrCreate_CountsMissThenHit()
    {
        using var cache = Create(new CacheLayerOptions { MaxMemoryBytes = 1 << 20, Expiration = TimeSpan.FromMinutes(5), MemoryExpiration = TimeSpan.FromMinutes(1) });
        var calls = 0;

        var first = await cache.GetOrCreateAsync("key", 0, (_, _) => ValueTask.FromResult($"value{++calls}"), CancellationToken.None);
        var second = await cache.GetOrCreateAsync("key", 0, (_, _) => ValueTask.FromResult($"value{++calls}"), CancellationToken.None);

        Assert.Equal("value1", first);
        Assert.Equal("value1", second);
        Assert.Equal(1, calls);
        var snapshot = cache.GetSnapshot();
        Assert.Equal(1, snapshot.Hits);
        Assert.Equal(1, snapshot.Misses);
        Assert.Equal(0.5, snapshot.HitRatio);
        Assert.Equal(1, snapshot.Entries);
        Assert.True(snapshot.Bytes > 0, "The entry's size was not counted.");
    }

    [Fact]
    public async Task DisabledLayer_AlwaysCallsFactory()
    {
        using var cache = Create(new CacheLayerOptions { Enabled = false, MaxMemoryBytes = 1 << 20, Expiration = TimeSpan.FromMinutes(5), MemoryExpiration = TimeSpan.FromMinutes(1) });
        var calls = 0;

        await cache.GetOrCreateAsync("key", 0, (_, _) => ValueTask.FromResult(++calls), CancellationToken.None);
        await cache.GetOrCreateAsync("key", 0, (_, _) => ValueTask.FromResult(++calls), CancellationToken.None);
        await cache.SetAsync("other", 5, CancellationToken.None);

        Assert.Equal(2, calls);
        Assert.Equal(0, await cache.TryGetAsync<int>("other", CancellationToken.None));
        Assert.Equal(new CacheLayerStatistics(CacheLayer.Query, false, 0, 0, 0, 0, 0), cache.GetSnapshot());
    }

    [Fact]
    public async Task Clear_DropsEntriesAndCounters()
    {
        using var cache = Create(new CacheLayerOptions { MaxMemoryBytes = 1 << 20, Expiration = TimeSpan.FromMinutes(5), MemoryExpiration = TimeSpan.FromMinutes(1) });
        await cache.SetAsync("key", "value", CancellationToken.None);
        Assert.Equal("value", await cache.TryGetAsync<string>("key", CancellationToken.None));

        await cache.ClearAsync(CancellationToken.None);

        Assert.Equal(0, cache.GetSnapshot().Entries);
        Assert.Equal(0, cache.GetSnapshot().Hits);
        Assert.Null(await cache.TryGetAsync<string>("key", CancellationToken.None));
    }

    [Fact]
    public async Task FullLayer_CountsEvictions()
    {
        using var cache = Create(new CacheLayerOptions { MaxMemoryBytes = 4096, Expiration = TimeSpan.FromMinutes(5), MemoryExpiration = TimeSpan.FromMinutes(1) });

        // Each 1 KiB entry takes a quarter of the budget, so writing 40 of them forces compactions.
        for (var i = 0; i < 40; i++)
        {
            await cache.SetAsync($"key{i}", new string('x', 1024), CancellationToken.None);
        }

        // MemoryCache compacts on a background thread, so the count settles shortly after the writes.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (cache.GetSnapshot().Evictions == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        var snapshot = cache.GetSnapshot();
        Assert.True(snapshot.Evictions > 0, "No eviction was counted.");
        Assert.True(snapshot.Bytes <= 4096, $"The layer holds {snapshot.Bytes} bytes, above its 4096-byte budget.");
    }

    private static CountingHybridCache Create(CacheLayerOptions options)
        => new(CacheLayer.Query, options, distributedCache: null, TimeProvider.System, loggerFactory: null);
}
