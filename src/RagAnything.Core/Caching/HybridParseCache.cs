using RagAnything.Content;
using RagAnything.Parsing;

namespace RagAnything.Caching;

/// <summary>
/// A parse cache on the parse layer of the engine's HybridCache: recent results in memory and, with a distributed
/// cache registered (such as the SQLite one), all results there until they expire.
/// </summary>
/// <remarks>
/// Keys come from <see cref="ParseCacheKey.Create"/>, so they contain the content hash, the parser id and the
/// parser's options fingerprint. <see cref="Hits"/> and <see cref="Misses"/> are the parse layer's counters, which
/// <see cref="ICacheStatistics.ClearAsync"/> resets. Safe for concurrent use.
/// </remarks>
internal sealed class HybridParseCache(CacheRegistry registry) : IParseCache
{
    private CountingHybridCache Layer => registry[CacheLayer.Parse];

    public long Hits => Layer.Hits;

    public long Misses => Layer.Misses;

    public ValueTask<ParsedDocument?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return Layer.TryGetAsync<ParsedDocument>(key, cancellationToken);
    }

    public ValueTask SetAsync(string key, ParsedDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(document);
        return Layer.SetAsync(key, document, cancellationToken);
    }
}
