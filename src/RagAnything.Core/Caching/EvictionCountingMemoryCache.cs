using Microsoft.Extensions.Caching.Memory;

namespace RagAnything.Caching;

/// <summary>
/// A memory cache that counts the entries it drops because it is full or because they expired, which
/// <see cref="MemoryCache"/> statistics do not report.
/// </summary>
internal sealed class EvictionCountingMemoryCache : IMemoryCache
{
    private static readonly PostEvictionDelegate OnEvicted = CountEviction;

    private readonly MemoryCache _inner;
    private long _evictions;

    public EvictionCountingMemoryCache(long sizeLimit)
    {
        _inner = new MemoryCache(new MemoryCacheOptions { SizeLimit = sizeLimit, TrackStatistics = true });
    }

    public long Evictions => Interlocked.Read(ref _evictions);

    /// <summary>Gets the number of entries held now.</summary>
    public long Count => _inner.Count;

    /// <summary>Gets the sum of the entries' sizes, which HybridCache sets to their serialized length in bytes.</summary>
    public long Bytes => _inner.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    public ICacheEntry CreateEntry(object key)
    {
        var entry = _inner.CreateEntry(key);
        entry.RegisterPostEvictionCallback(OnEvicted, this);
        return entry;
    }

    public bool TryGetValue(object key, out object? value) => _inner.TryGetValue(key, out value);

    public void Remove(object key) => _inner.Remove(key);

    /// <summary>Removes every entry and resets the eviction count.</summary>
    public void Clear()
    {
        _inner.Clear();
        Interlocked.Exchange(ref _evictions, 0);
    }

    public void Dispose() => _inner.Dispose();

    // Removals and replacements are the cache's own bookkeeping; only capacity and expiry lose a value the caller wanted.
    private static void CountEviction(object key, object? value, EvictionReason reason, object? state)
    {
        if (reason is EvictionReason.Capacity or EvictionReason.Expired or EvictionReason.TokenExpired)
        {
            Interlocked.Increment(ref ((EvictionCountingMemoryCache)state!)._evictions);
        }
    }
}
