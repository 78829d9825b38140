using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using RagAnything.Storage.KeyValue;

namespace RagAnything.Storage.Sqlite;

/// <summary>
/// An <see cref="IKeyValueStore"/> in the <c>key_values</c> table of a <see cref="SqliteDatabase"/>.
/// </summary>
/// <remarks>
/// Safe for concurrent use. A batch is written in one transaction, so readers see all of it or none of it.
/// Keys are listed in SQLite's binary order, which is UTF-8 byte order.
/// </remarks>
public sealed class SqliteKeyValueStore : IKeyValueStore
{
    // Listing reads keys in pages so that a slow consumer never holds a reader connection between pages.
    private const int ListPageSize = 500;

    private readonly SqliteDatabase _database;

    /// <summary>Initializes a store over <paramref name="database"/>.</summary>
    public SqliteKeyValueStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc/>
    public ValueTask<byte[]?> GetAsync(string collection, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(key);

        return _database.ReadAsync(
            (connection, _) =>
            {
                using SqliteCommand command = SqliteCommands.Create(
                    connection, null, "SELECT value FROM key_values WHERE collection = $collection AND key = $key;", "$collection", "$key");
                command.Parameters["$collection"].Value = collection;
                command.Parameters["$key"].Value = key;
                return ValueTask.FromResult(command.ExecuteScalar() as byte[]);
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyDictionary<string, byte[]>> GetManyAsync(
        string collection,
        IReadOnlyCollection<string> keys,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(keys);

        return _database.ReadAsync<IReadOnlyDictionary<string, byte[]>>(
            (connection, token) =>
            {
                using SqliteCommand command = SqliteCommands.Create(
                    connection, null, "SELECT value FROM key_values WHERE collection = $collection AND key = $key;", "$collection", "$key");
                command.Parameters["$collection"].Value = collection;

                var found = new Dictionary<string, byte[]>(StringComparer.Ordinal);
                foreach (string key in keys)
                {
                    token.ThrowIfCancellationRequested();
                    command.Parameters["$key"].Value = key;
                    if (command.ExecuteScalar() is byte[] value)
                    {
                        found[key] = value;
                    }
                }

                return ValueTask.FromResult<IReadOnlyDictionary<string, byte[]>>(found);
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public async ValueTask UpsertAsync(
        string collection,
        IReadOnlyList<KeyValuePair<string, byte[]>> entries,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(entries);
        foreach (KeyValuePair<string, byte[]> entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry.Key, nameof(entries));
            ArgumentNullException.ThrowIfNull(entry.Value, nameof(entries));
        }

        await _database.WriteAsync(
            (connection, transaction, token) =>
            {
                using SqliteCommand command = SqliteCommands.Create(
                    connection,
                    transaction,
                    "INSERT INTO key_values (collection, key, value) VALUES ($collection, $key, $value) " +
                    "ON CONFLICT (collection, key) DO UPDATE SET value = excluded.value;",
                    "$collection",
                    "$key",
                    "$value");
                command.Parameters["$collection"].Value = collection;
                foreach (KeyValuePair<string, byte[]> entry in entries)
                {
                    token.ThrowIfCancellationRequested();
                    command.Parameters["$key"].Value = entry.Key;
                    command.Parameters["$value"].Value = entry.Value;
                    command.ExecuteNonQuery();
                }

                return ValueTask.FromResult(true);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask DeleteAsync(string collection, IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(keys);

        await _database.WriteAsync(
            (connection, transaction, token) =>
            {
                using SqliteCommand command = SqliteCommands.Create(
                    connection, transaction, "DELETE FROM key_values WHERE collection = $collection AND key = $key;", "$collection", "$key");
                command.Parameters["$collection"].Value = collection;
                foreach (string key in keys)
                {
                    token.ThrowIfCancellationRequested();
                    command.Parameters["$key"].Value = key;
                    command.ExecuteNonQuery();
                }

                return ValueTask.FromResult(true);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Keys are read in pages, each from a consistent snapshot, so keys written during a long enumeration
    /// may or may not appear. NOTE: the order is UTF-8 byte order, which differs from .NET ordinal (UTF-16)
    /// order only between characters U+E000 to U+FFFF and characters beyond U+FFFF.
    /// </remarks>
    public async IAsyncEnumerable<string> ListKeysAsync(
        string collection,
        string prefix = "",
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(prefix);

        // Keys that start with the prefix sort right after it, so the scan starts there and stops at the first other key.
        string? after = null;
        while (true)
        {
            List<string> page = await ReadKeyPageAsync(collection, prefix, after, cancellationToken).ConfigureAwait(false);
            foreach (string key in page)
            {
                if (!key.StartsWith(prefix, StringComparison.Ordinal))
                {
                    yield break;
                }

                yield return key;
            }

            if (page.Count < ListPageSize)
            {
                yield break;
            }

            after = page[^1];
        }
    }

    private ValueTask<List<string>> ReadKeyPageAsync(string collection, string prefix, string? after, CancellationToken cancellationToken)
    {
        return _database.ReadAsync(
            (connection, _) =>
            {
                string condition = after is null ? "key >= $bound" : "key > $bound";
                using SqliteCommand command = SqliteCommands.Create(
                    connection,
                    null,
                    $"SELECT key FROM key_values WHERE collection = $collection AND {condition} ORDER BY key LIMIT $limit;",
                    "$collection",
                    "$bound",
                    "$limit");
                command.Parameters["$collection"].Value = collection;
                command.Parameters["$bound"].Value = after ?? prefix;
                command.Parameters["$limit"].Value = ListPageSize;

                var keys = new List<string>(ListPageSize);
                using SqliteDataReader reader = command.ExecuteReader();
                while (reader.Read())
                {
                    keys.Add(reader.GetString(0));
                }

                return ValueTask.FromResult(keys);
            },
            cancellationToken);
    }
}
