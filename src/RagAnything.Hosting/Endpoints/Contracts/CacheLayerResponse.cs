using RagAnything.Caching;

namespace RagAnything.Hosting.Endpoints.Contracts;

/// <summary>One cache layer's counters since start or since the last clear, as the API shows them.</summary>
/// <param name="Layer">The layer: <c>parse</c>, <c>embedding</c>, <c>chat</c> or <c>query</c>.</param>
/// <param name="Enabled">Whether the layer is enabled.</param>
/// <param name="Hits">Lookups answered from the cache.</param>
/// <param name="Misses">Lookups that computed the value.</param>
/// <param name="HitRatio">The share of lookups that were hits, from 0 to 1.</param>
/// <param name="Entries">Entries held in memory now.</param>
/// <param name="Bytes">Serialized bytes held in memory now.</param>
/// <param name="Evictions">Entries removed because the layer was full or the entry expired.</param>
internal sealed record CacheLayerResponse(string Layer, bool Enabled, long Hits, long Misses, double HitRatio, long Entries, long Bytes, long Evictions)
{
    public static CacheLayerResponse From(CacheLayerStatistics statistics) => new(
        ApiNames.Of(statistics.Layer),
        statistics.Enabled,
        statistics.Hits,
        statistics.Misses,
        statistics.HitRatio,
        statistics.Entries,
        statistics.Bytes,
        statistics.Evictions);
}
