namespace RagAnything.Caching;

/// <summary>
/// Settings of one cache layer.
/// </summary>
public sealed class CacheLayerOptions
{
    /// <summary>Gets or sets whether the layer stores and returns entries. A disabled layer always calls through.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Gets or sets the maximum size in bytes of the layer's in-memory (L1) entries, measured as their serialized
    /// length. An entry that would exceed it stays out of memory, and the memory cache then compacts the layer in the
    /// background, removing the least recently used entries. Entries larger than this are not cached at all.
    /// </summary>
    public long MaxMemoryBytes { get; set; }

    /// <summary>
    /// Gets or sets how long an entry lives in the distributed (L2) cache, and in memory unless
    /// <see cref="MemoryExpiration"/> is shorter.
    /// </summary>
    public TimeSpan Expiration { get; set; }

    /// <summary>Gets or sets how long an entry lives in memory before it is read again from the distributed cache.</summary>
    public TimeSpan MemoryExpiration { get; set; }
}
