using Microsoft.Data.Sqlite;
using RagAnything.Storage.Blobs;

namespace RagAnything.Storage.Sqlite;

/// <summary>
/// An <see cref="IBlobStore"/> in the <c>blobs</c> table of a <see cref="SqliteDatabase"/>.
/// </summary>
/// <remarks>
/// Safe for concurrent use. An object is limited to SQLite's maximum value size, 1,000,000,000 bytes in the
/// default build. Seekable streams are written through SQLite's incremental blob I/O without a full copy in memory.
/// Other streams are buffered in memory first, so that a slow source never keeps the database's write lock.
/// Reads return the whole object in a memory stream.
/// </remarks>
public sealed class SqliteBlobStore : IBlobStore
{
    private readonly SqliteDatabase _database;

    /// <summary>Initializes a store over <paramref name="database"/>.</summary>
    public SqliteBlobStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc/>
    public async ValueTask WriteAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(content);

        MemoryStream? buffer = null;
        Stream source = content;
        if (!content.CanSeek)
        {
            buffer = new MemoryStream();
            await content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            buffer.Position = 0;
            source = buffer;
        }

        try
        {
            long length = source.Length - source.Position;
            await _database.WriteAsync(
                async (connection, transaction, token) =>
                {
                    // Reserve the object's size with zeroblob, then stream the bytes into it.
                    using SqliteCommand command = SqliteCommands.Create(
                        connection,
                        transaction,
                        "INSERT INTO blobs (key, content) VALUES ($key, zeroblob($length)) " +
                        "ON CONFLICT (key) DO UPDATE SET content = excluded.content RETURNING rowid;",
                        "$key",
                        "$length");
                    command.Parameters["$key"].Value = key;
                    command.Parameters["$length"].Value = length;
                    long rowId = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);

                    using var blob = new SqliteBlob(connection, "blobs", "content", rowId);
                    await source.CopyToAsync(blob, token).ConfigureAwait(false);
                    if (blob.Position != length)
                    {
                        throw new IOException($"The stream for blob '{key}' ended after {blob.Position} of its {length} bytes.");
                    }

                    return true;
                },
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (buffer is not null)
            {
                await buffer.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);

        return _database.ReadAsync(
            (connection, _) =>
            {
                using SqliteCommand command = SqliteCommands.Create(connection, null, "SELECT content FROM blobs WHERE key = $key;", "$key");
                command.Parameters["$key"].Value = key;
                Stream? stream = command.ExecuteScalar() is byte[] bytes ? new MemoryStream(bytes, writable: false) : null;
                return ValueTask.FromResult(stream);
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<bool> ExistsAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);

        return _database.ReadAsync(
            (connection, _) =>
            {
                using SqliteCommand command = SqliteCommands.Create(connection, null, "SELECT EXISTS (SELECT 1 FROM blobs WHERE key = $key);", "$key");
                command.Parameters["$key"].Value = key;
                return ValueTask.FromResult(command.ExecuteScalar() is long found && found == 1);
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public async ValueTask DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);

        await _database.WriteAsync(
            (connection, transaction, _) =>
            {
                using SqliteCommand command = SqliteCommands.Create(connection, transaction, "DELETE FROM blobs WHERE key = $key;", "$key");
                command.Parameters["$key"].Value = key;
                command.ExecuteNonQuery();
                return ValueTask.FromResult(true);
            },
            cancellationToken).ConfigureAwait(false);
    }
}
