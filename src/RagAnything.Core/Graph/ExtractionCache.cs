using System.Text.Json;
using RagAnything.Storage.KeyValue;

namespace RagAnything.Graph;

/// <summary>
/// Keeps each chunk's extraction results in the key-value store, so that re-ingesting a chunk or rebuilding the
/// graph after a deletion needs no chat call.
/// </summary>
/// <remarks>
/// Keys are <c>{chunk id}/{kind}/{extractor identity}</c>. Chunk ids contain no slash, so listing by the prefix
/// <c>{chunk id}/</c> finds every result of one chunk, whichever extractor wrote it.
/// </remarks>
internal sealed class ExtractionCache(IKeyValueStore store)
{
    public async ValueTask<ExtractionResult?> GetAsync(string chunkId, ExtractionKind kind, string identity, CancellationToken cancellationToken)
    {
        var value = await store.GetAsync(GraphCollections.Extractions, Key(chunkId, kind, identity), cancellationToken).ConfigureAwait(false);
        return value is null ? null : Deserialize(value);
    }

    public async ValueTask SaveAsync(IReadOnlyList<(string ChunkId, ExtractionKind Kind, string Identity, ExtractionResult Result)> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var values = entries
            .Select(entry => new KeyValuePair<string, byte[]>(
                Key(entry.ChunkId, entry.Kind, entry.Identity),
                JsonSerializer.SerializeToUtf8Bytes(entry.Result, GraphJsonContext.Default.ExtractionResult)))
            .ToList();
        await store.UpsertAsync(GraphCollections.Extractions, values, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Loads the cached results of a chunk for a rebuild, one per kind. Within a kind it prefers the result whose
    /// extractor identity ends with <paramref name="preferredIdentity"/> (modal identities wrap the extractor's),
    /// else it takes the last in key order.
    /// </summary>
    public async ValueTask<IReadOnlyList<ExtractionResult>> GetAllAsync(string chunkId, string preferredIdentity, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var key in store.ListKeysAsync(GraphCollections.Extractions, chunkId + "/", cancellationToken).ConfigureAwait(false))
        {
            keys.Add(key);
        }

        var chosen = keys
            .GroupBy(key => key.Split('/')[1], StringComparer.Ordinal)
            .Select(group => group.FirstOrDefault(key => key.EndsWith(preferredIdentity, StringComparison.Ordinal)) ?? group.Last())
            .ToList();

        var values = await store.GetManyAsync(GraphCollections.Extractions, chosen, cancellationToken).ConfigureAwait(false);
        return chosen.Where(values.ContainsKey).Select(key => Deserialize(values[key])).ToList();
    }

    public async ValueTask DeleteChunksAsync(IReadOnlyCollection<string> chunkIds, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        foreach (var chunkId in chunkIds)
        {
            await foreach (var key in store.ListKeysAsync(GraphCollections.Extractions, chunkId + "/", cancellationToken).ConfigureAwait(false))
            {
                keys.Add(key);
            }
        }

        if (keys.Count > 0)
        {
            await store.DeleteAsync(GraphCollections.Extractions, keys, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Key(string chunkId, ExtractionKind kind, string identity)
        => $"{chunkId}/{kind.ToString().ToLowerInvariant()}/{identity}";

    private static ExtractionResult Deserialize(byte[] value)
        => JsonSerializer.Deserialize(value, GraphJsonContext.Default.ExtractionResult) ?? ExtractionResult.Empty;
}
