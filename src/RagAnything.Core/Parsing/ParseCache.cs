using System.Text.Json;
using RagAnything.Content;
using RagAnything.Storage;
using RagAnything.Storage.KeyValue;

namespace RagAnything.Parsing;

/// <summary>
/// A parse cache that stores <see cref="ParsedDocument"/> JSON in the key-value store collection
/// <see cref="CollectionName"/>.
/// </summary>
/// <remarks>
/// Entries never expire: a key contains the content hash and the parser's options fingerprint, so an entry can only
/// be stale if a parser changes its output without changing its fingerprint. An entry that no longer deserializes
/// counts as a miss and is overwritten by the next parse. Counters use <see cref="Interlocked"/>, so the instance is
/// safe for concurrent use.
/// </remarks>
public sealed class ParseCache : IParseCache
{
    /// <summary>The key-value collection that holds the entries.</summary>
    public const string CollectionName = "parse-cache";

    private readonly IKeyValueStore _store;
    private long _hits;
    private long _misses;

    /// <summary>Initializes a new instance over a key-value store.</summary>
    /// <param name="store">The store that keeps the entries.</param>
    public ParseCache(IKeyValueStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <inheritdoc/>
    public long Hits => Interlocked.Read(ref _hits);

    /// <inheritdoc/>
    public long Misses => Interlocked.Read(ref _misses);

    /// <inheritdoc/>
    public async ValueTask<ParsedDocument?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);

        var bytes = await _store.GetAsync(CollectionName, key, cancellationToken).ConfigureAwait(false);
        var document = bytes is null ? null : TryDeserialize(bytes);

        Interlocked.Increment(ref document is null ? ref _misses : ref _hits);
        return document;
    }

    /// <inheritdoc/>
    public async ValueTask SetAsync(string key, ParsedDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(document);

        var bytes = JsonSerializer.SerializeToUtf8Bytes(document, CoreJsonContext.Default.ParsedDocument);
        await _store.UpsertAsync(CollectionName, [new KeyValuePair<string, byte[]>(key, bytes)], cancellationToken).ConfigureAwait(false);
    }

    private static ParsedDocument? TryDeserialize(byte[] bytes)
    {
        try
        {
            return JsonSerializer.Deserialize(bytes, CoreJsonContext.Default.ParsedDocument);
        }
        catch (JsonException)
        {
            // An entry written by an older, incompatible model is treated as absent and replaced.
            return null;
        }
    }
}
