namespace RagAnything.Caching;

/// <summary>
/// Reports and clears the engine's cache layers.
/// </summary>
/// <remarks>Safe for concurrent use. Counters are per process, even when the distributed cache is shared.</remarks>
public interface ICacheStatistics
{
    /// <summary>Returns the counters of every layer, in <see cref="CacheLayer"/> order.</summary>
    IReadOnlyList<CacheLayerStatistics> GetSnapshot();

    /// <summary>
    /// Removes every entry of <paramref name="layer"/>, or of all layers when it is <see langword="null"/>, from memory
    /// and invalidates them in the distributed cache, then resets the layer's counters.
    /// </summary>
    /// <param name="layer">The layer to clear, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    ValueTask ClearAsync(CacheLayer? layer = null, CancellationToken cancellationToken = default);
}
