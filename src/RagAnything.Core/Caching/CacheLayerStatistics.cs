namespace RagAnything.Caching;

/// <summary>
/// A snapshot of one cache layer's counters since start or since the last clear.
/// </summary>
/// <param name="Layer">The layer.</param>
/// <param name="Enabled">Whether the layer is enabled.</param>
/// <param name="Hits">Lookups answered from memory or the distributed cache.</param>
/// <param name="Misses">Lookups that had to compute the value.</param>
/// <param name="Entries">Entries held in memory now.</param>
/// <param name="Bytes">Serialized bytes held in memory now.</param>
/// <param name="Evictions">Memory entries removed because the layer was full or the entry expired.</param>
public sealed record CacheLayerStatistics(
    CacheLayer Layer,
    bool Enabled,
    long Hits,
    long Misses,
    long Entries,
    long Bytes,
    long Evictions)
{
    /// <summary>Gets the share of lookups that were hits, from 0 to 1, or 0 before the first lookup.</summary>
    public double HitRatio => Hits + Misses == 0 ? 0 : (double)Hits / (Hits + Misses);
}
