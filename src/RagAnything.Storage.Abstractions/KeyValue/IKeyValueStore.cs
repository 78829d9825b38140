namespace RagAnything.Storage.KeyValue;

/// <summary>
/// Stores opaque values under string keys, grouped in named collections (chunks, parse results, caches).
/// Implementations are safe for concurrent use.
/// </summary>
public interface IKeyValueStore
{
    /// <summary>Gets a value, or <see langword="null"/> when the key is absent.</summary>
    ValueTask<byte[]?> GetAsync(string collection, string key, CancellationToken cancellationToken = default);

    /// <summary>Gets several values. Absent keys are missing from the result.</summary>
    ValueTask<IReadOnlyDictionary<string, byte[]>> GetManyAsync(
        string collection,
        IReadOnlyCollection<string> keys,
        CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces values in one batch.</summary>
    ValueTask UpsertAsync(
        string collection,
        IReadOnlyList<KeyValuePair<string, byte[]>> entries,
        CancellationToken cancellationToken = default);

    /// <summary>Removes keys. Absent keys are ignored.</summary>
    ValueTask DeleteAsync(string collection, IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default);

    /// <summary>Lists the keys of a collection that start with <paramref name="prefix"/>, in ordinal order.</summary>
    IAsyncEnumerable<string> ListKeysAsync(string collection, string prefix = "", CancellationToken cancellationToken = default);
}
