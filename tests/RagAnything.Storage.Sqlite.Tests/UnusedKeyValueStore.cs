using RagAnything.Storage.KeyValue;

namespace RagAnything.Storage.Sqlite.Tests;

/// <summary>A key-value store registered before the SQLite stores, to check that registration replaces it.</summary>
internal sealed class UnusedKeyValueStore : IKeyValueStore
{
    public ValueTask<byte[]?> GetAsync(string collection, string key, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public ValueTask<IReadOnlyDictionary<string, byte[]>> GetManyAsync(string collection, IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public ValueTask UpsertAsync(string collection, IReadOnlyList<KeyValuePair<string, byte[]>> entries, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public ValueTask DeleteAsync(string collection, IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public IAsyncEnumerable<string> ListKeysAsync(string collection, string prefix = "", CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
