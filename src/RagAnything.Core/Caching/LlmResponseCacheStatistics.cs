namespace RagAnything.Caching;

/// <summary>
/// Counters of the chat-model response cache since the process started. Resolve it from the service provider.
/// </summary>
/// <remarks>Safe for concurrent use. The counters are per process, even when the key-value store is shared.</remarks>
public sealed class LlmResponseCacheStatistics
{
    private long _hits;
    private long _misses;
    private long _writes;

    /// <summary>Gets the number of chat calls answered from the cache.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Gets the number of chat calls that found no cached response and went to the model.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>Gets the number of responses written to the cache.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    internal void RecordHit() => Interlocked.Increment(ref _hits);

    internal void RecordMiss() => Interlocked.Increment(ref _misses);

    internal void RecordWrite() => Interlocked.Increment(ref _writes);
}
