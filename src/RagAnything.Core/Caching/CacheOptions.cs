namespace RagAnything.Caching;

/// <summary>
/// Options of the four cache layers. Configure them with <c>services.Configure&lt;CacheOptions&gt;(...)</c>;
/// they are validated when the host starts.
/// </summary>
public sealed class CacheOptions
{
    /// <summary>
    /// The default memory budget of the parse layer: 64 MiB. A parsed document is its text plus table rows, typically
    /// 10 to 500 KiB, so this keeps a few hundred recent documents in memory.
    /// </summary>
    public const long DefaultParseMemoryBytes = 64L * 1024 * 1024;

    /// <summary>
    /// The default memory budget of the embedding layer: 64 MiB. A 384-dimension vector takes 1.5 KiB, so this keeps
    /// about 40,000 recent texts, more than one large ingestion batch plus the recent questions.
    /// </summary>
    public const long DefaultEmbeddingMemoryBytes = 64L * 1024 * 1024;

    /// <summary>
    /// The default memory budget of the chat layer: 32 MiB. Responses are a few KiB, so this keeps thousands, while
    /// the distributed cache keeps the rest.
    /// </summary>
    public const long DefaultChatMemoryBytes = 32L * 1024 * 1024;

    /// <summary>
    /// The default memory budget of the query layer: 16 MiB. A result with five cited chunks is 5 to 20 KiB, so this
    /// keeps about a thousand recent answers.
    /// </summary>
    public const long DefaultQueryMemoryBytes = 16L * 1024 * 1024;

    /// <summary>
    /// The default lifetime of parse, embedding and chat entries: 30 days. Their keys contain every input that decides
    /// the value, so an entry never goes stale; the lifetime only bounds the size of the distributed cache.
    /// </summary>
    public static readonly TimeSpan DefaultContentExpiration = TimeSpan.FromDays(30);

    /// <summary>
    /// The default lifetime of query results: 1 hour. Their key contains the index generation, so inserts and deletes
    /// never serve a stale answer; the hour bounds how long an answer outlives a change to the chat model behind it.
    /// </summary>
    public static readonly TimeSpan DefaultQueryExpiration = TimeSpan.FromHours(1);

    /// <summary>
    /// The default time an entry stays in memory before it is read again from the distributed cache: 10 minutes,
    /// so a process that shares the distributed cache reads another process's removals within that time.
    /// </summary>
    public static readonly TimeSpan DefaultMemoryExpiration = TimeSpan.FromMinutes(10);

    /// <summary>Gets the parse layer.</summary>
    /// <value>Enabled, <see cref="DefaultParseMemoryBytes"/> in memory, <see cref="DefaultContentExpiration"/>.</value>
    public CacheLayerOptions Parse { get; } = Create(DefaultParseMemoryBytes, DefaultContentExpiration);

    /// <summary>Gets the embedding layer.</summary>
    /// <value>Enabled, <see cref="DefaultEmbeddingMemoryBytes"/> in memory, <see cref="DefaultContentExpiration"/>.</value>
    public CacheLayerOptions Embedding { get; } = Create(DefaultEmbeddingMemoryBytes, DefaultContentExpiration);

    /// <summary>Gets the chat-model response layer.</summary>
    /// <value>Enabled, <see cref="DefaultChatMemoryBytes"/> in memory, <see cref="DefaultContentExpiration"/>.</value>
    public CacheLayerOptions Chat { get; } = Create(DefaultChatMemoryBytes, DefaultContentExpiration);

    /// <summary>Gets the query result layer.</summary>
    /// <value>Enabled, <see cref="DefaultQueryMemoryBytes"/> in memory, <see cref="DefaultQueryExpiration"/>.</value>
    public CacheLayerOptions Query { get; } = Create(DefaultQueryMemoryBytes, DefaultQueryExpiration);

    /// <summary>Returns the options of <paramref name="layer"/>.</summary>
    public CacheLayerOptions Get(CacheLayer layer) => layer switch
    {
        CacheLayer.Parse => Parse,
        CacheLayer.Embedding => Embedding,
        CacheLayer.Chat => Chat,
        CacheLayer.Query => Query,
        _ => throw new ArgumentOutOfRangeException(nameof(layer), layer, "Unknown cache layer."),
    };

    private static CacheLayerOptions Create(long memoryBytes, TimeSpan expiration) => new()
    {
        MaxMemoryBytes = memoryBytes,
        Expiration = expiration,
        MemoryExpiration = expiration < DefaultMemoryExpiration ? expiration : DefaultMemoryExpiration,
    };
}
