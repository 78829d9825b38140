using System.Text.Json;
using RagAnything.Chunking;
using RagAnything.Storage.KeyValue;

namespace RagAnything.Storage;

/// <summary>
/// Reads and writes chunk records and each document's chunk list in the key-value store.
/// </summary>
internal sealed class ChunkRepository(IKeyValueStore store)
{
    public async ValueTask SaveAsync(string documentId, IReadOnlyList<Chunk> chunks, CancellationToken cancellationToken)
    {
        var entries = chunks
            .Select(chunk => new KeyValuePair<string, byte[]>(chunk.Id, JsonSerializer.SerializeToUtf8Bytes(chunk, CoreJsonContext.Default.Chunk)))
            .ToList();

        await store.UpsertAsync(StoreCollections.Chunks, entries, cancellationToken).ConfigureAwait(false);

        var ids = chunks.Select(chunk => chunk.Id).ToList();
        var list = JsonSerializer.SerializeToUtf8Bytes(ids, CoreJsonContext.Default.ListString);
        await store.UpsertAsync(StoreCollections.DocumentChunks, [new(documentId, list)], cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyDictionary<string, Chunk>> GetManyAsync(IReadOnlyCollection<string> chunkIds, CancellationToken cancellationToken)
    {
        var values = await store.GetManyAsync(StoreCollections.Chunks, chunkIds, cancellationToken).ConfigureAwait(false);

        return values.ToDictionary(
            pair => pair.Key,
            pair => JsonSerializer.Deserialize(pair.Value, CoreJsonContext.Default.Chunk)!,
            StringComparer.Ordinal);
    }

    public async ValueTask<IReadOnlyList<string>> GetChunkIdsAsync(string documentId, CancellationToken cancellationToken)
    {
        var value = await store.GetAsync(StoreCollections.DocumentChunks, documentId, cancellationToken).ConfigureAwait(false);
        return value is null ? [] : JsonSerializer.Deserialize(value, CoreJsonContext.Default.ListString)!;
    }

    public async ValueTask DeleteDocumentAsync(string documentId, CancellationToken cancellationToken)
    {
        var ids = await GetChunkIdsAsync(documentId, cancellationToken).ConfigureAwait(false);

        await store.DeleteAsync(StoreCollections.Chunks, ids.ToList(), cancellationToken).ConfigureAwait(false);
        await store.DeleteAsync(StoreCollections.DocumentChunks, [documentId], cancellationToken).ConfigureAwait(false);
    }
}
