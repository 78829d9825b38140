using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RagAnything.Caching;

/// <summary>
/// One cache layer: a <see cref="HybridCache"/> with its own size-limited memory cache (L1), the shared distributed
/// cache (L2) when one is registered, and the hit, miss and eviction counters that HybridCache does not keep.
/// </summary>
/// <remarks>
/// Each layer gets its own HybridCache instance so that each has its own memory budget. Keys are prefixed with the
/// layer name because all layers share one distributed cache. Safe for concurrent use.
/// </remarks>
internal sealed class CountingHybridCache : IDisposable
{
    private readonly EvictionCountingMemoryCache _memory;
    private readonly ServiceProvider _services;
    private readonly HybridCache _cache;
    private readonly string _keyPrefix;
    private readonly string[] _tags;
    private long _hits;
    private long _misses;

    public CountingHybridCache(
        CacheLayer layer,
        CacheLayerOptions options,
        IDistributedCache? distributedCache,
        TimeProvider time,
        ILoggerFactory? loggerFactory,
        Action<IHybridCacheBuilder>? addSerializers = null)
    {
        Layer = layer;
        Enabled = options.Enabled;
        HasDistributedCache = distributedCache is not null;
        _keyPrefix = "raganything:" + layer.ToString().ToLowerInvariant() + ":";
        _tags = ["raganything-" + layer.ToString().ToLowerInvariant()];
        _memory = new EvictionCountingMemoryCache(options.MaxMemoryBytes);

        // A private container, because AddHybridCache registers one HybridCache per container and each layer needs its own memory cache.
        var services = new ServiceCollection();
        services.AddSingleton<IMemoryCache>(_memory);
        services.AddSingleton(time);
        if (distributedCache is not null)
        {
            services.AddSingleton(distributedCache);
        }

        if (loggerFactory is not null)
        {
            services.AddSingleton(loggerFactory);
        }

        var builder = services.AddHybridCache(hybrid =>
        {
            // An entry larger than the whole layer could never stay in memory, so that is the largest worth storing.
            hybrid.MaximumPayloadBytes = options.MaxMemoryBytes;
            hybrid.DefaultEntryOptions = new HybridCacheEntryOptions
            {
                Expiration = options.Expiration,
                LocalCacheExpiration = options.MemoryExpiration,
            };
        });
        addSerializers?.Invoke(builder);

        _services = services.BuildServiceProvider();
        _cache = _services.GetRequiredService<HybridCache>();
    }

    public CacheLayer Layer { get; }

    public bool Enabled { get; }

    /// <summary>Gets whether entries are also written to a distributed cache (L2).</summary>
    public bool HasDistributedCache { get; }

    public long Hits => Interlocked.Read(ref _hits);

    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>
    /// Returns the cached value for <paramref name="key"/>, or calls <paramref name="factory"/> once, stores and
    /// returns its result. A disabled layer calls the factory every time and counts nothing.
    /// </summary>
    public async ValueTask<T> GetOrCreateAsync<TState, T>(string key, TState state, Func<TState, CancellationToken, ValueTask<T>> factory, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return await factory(state, cancellationToken).ConfigureAwait(false);
        }

        // Concurrent callers of one key share a single factory call, so only the caller whose factory ran counts a miss.
        var call = new FactoryCall<TState, T>(state, factory);
        var value = await _cache.GetOrCreateAsync(_keyPrefix + key, call, FactoryCall<TState, T>.InvokeAsync, tags: _tags, cancellationToken: cancellationToken).ConfigureAwait(false);

        Interlocked.Increment(ref call.Ran ? ref _misses : ref _hits);
        return value;
    }

    /// <summary>Returns the cached value for <paramref name="key"/>, or <see langword="default"/> when there is none, and counts the lookup.</summary>
    public async ValueTask<T?> TryGetAsync<T>(string key, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return default;
        }

        var value = await _cache.GetOrCreateAsync<T?>(
            _keyPrefix + key,
            static _ => default,
            LookupOnly,
            tags: _tags,
            cancellationToken: cancellationToken).ConfigureAwait(false);

        Interlocked.Increment(ref value is null ? ref _misses : ref _hits);
        return value;
    }

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/> in memory and in the distributed cache.</summary>
    public ValueTask SetAsync<T>(string key, T value, CancellationToken cancellationToken)
        => Enabled ? _cache.SetAsync(_keyPrefix + key, value, tags: _tags, cancellationToken: cancellationToken) : ValueTask.CompletedTask;

    public CacheLayerStatistics GetSnapshot() => new(Layer, Enabled, Hits, Misses, _memory.Count, _memory.Bytes, _memory.Evictions);

    /// <summary>Empties memory, invalidates the layer's tag in the distributed cache and resets the counters.</summary>
    public async ValueTask ClearAsync(CancellationToken cancellationToken)
    {
        await _cache.RemoveByTagAsync(_tags[0], cancellationToken).ConfigureAwait(false);

        _memory.Clear();
        Interlocked.Exchange(ref _hits, 0);
        Interlocked.Exchange(ref _misses, 0);
    }

    public void Dispose()
    {
        _services.Dispose();
        _memory.Dispose();
    }

    private static readonly HybridCacheEntryOptions LookupOnly = new()
    {
        Flags = HybridCacheEntryFlags.DisableUnderlyingData | HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCacheWrite,
    };

    private sealed class FactoryCall<TState, T>(TState state, Func<TState, CancellationToken, ValueTask<T>> factory)
    {
        public bool Ran { get; private set; }

        public static ValueTask<T> InvokeAsync(FactoryCall<TState, T> call, CancellationToken cancellationToken)
        {
            call.Ran = true;
            return call.Factory(call.State, cancellationToken);
        }

        private TState State { get; } = state;

        private Func<TState, CancellationToken, ValueTask<T>> Factory { get; } = factory;
    }
}
