using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using RagAnything.Storage.KeyValue;

namespace RagAnything.Storage.InMemory;

/// <summary>
/// An <see cref="IKeyValueStore"/> that keeps every collection in process memory. Nothing survives the process.
/// </summary>
/// <remarks>
/// Safe for concurrent use. Values are copied on the way in and on the way out, so a caller that changes an
/// array it passed or received never changes the stored value. A batch is not atomic: a concurrent reader
/// may see part of it.
/// </remarks>
public sealed class InMemoryKeyValueStore : IKeyValueStore
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte[]>> _collections = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public ValueTask<byte[]?> GetAsync(string collection, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();

        byte[]? value = _collections.TryGetValue(collection, out var entries) && entries.TryGetValue(key, out byte[]? stored)
            ? (byte[])stored.Clone()
            : null;
        return ValueTask.FromResult(value);
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyDictionary<string, byte[]>> GetManyAsync(
        string collection,
        IReadOnlyCollection<string> keys,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();

        var found = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (_collections.TryGetValue(collection, out var entries))
        {
            foreach (string key in keys)
            {
                if (entries.TryGetValue(key, out byte[]? stored))
                {
                    found[key] = (byte[])stored.Clone();
                }
            }
        }

        return ValueTask.FromResult<IReadOnlyDictionary<string, byte[]>>(found);
    }

    /// <inheritdoc/>
    public ValueTask UpsertAsync(
        string collection,
        IReadOnlyList<KeyValuePair<string, byte[]>> entries,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(entries);
        cancellationToken.ThrowIfCancellationRequested();

        // Check the whole batch first so that an invalid entry leaves the store unchanged.
        foreach (KeyValuePair<string, byte[]> entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry.Key, nameof(entries));
            ArgumentNullException.ThrowIfNull(entry.Value, nameof(entries));
        }

        var target = _collections.GetOrAdd(collection, static _ => new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal));
        foreach (KeyValuePair<string, byte[]> entry in entries)
        {
            target[entry.Key] = (byte[])entry.Value.Clone();
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask DeleteAsync(string collection, IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();

        if (_collections.TryGetValue(collection, out var entries))
        {
            foreach (string key in keys)
            {
                entries.TryRemove(key, out _);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    /// <remarks>The keys are a snapshot taken when enumeration starts.</remarks>
    public async IAsyncEnumerable<string> ListKeysAsync(
        string collection,
        string prefix = "",
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(prefix);

        if (!_collections.TryGetValue(collection, out var entries))
        {
            yield break;
        }

        var keys = new List<string>();
        foreach (string key in entries.Keys)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                keys.Add(key);
            }
        }

        keys.Sort(StringComparer.Ordinal);
        foreach (string key in keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return key;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
