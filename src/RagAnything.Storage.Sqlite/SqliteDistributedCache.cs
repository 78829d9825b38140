using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Caching.Distributed;

namespace RagAnything.Storage.Sqlite;

/// <summary>
/// An <see cref="IDistributedCache"/> in the <c>distributed_cache</c> table of a <see cref="SqliteDatabase"/>: the
/// second-level cache under RagAnything's HybridCache layers, so parse results, embeddings and chat responses
/// survive a restart.
/// </summary>
/// <remarks>
/// The table is created on first use. Expired entries are never returned; they are deleted in bulk at most once per
/// <see cref="PurgeInterval"/>, during a write. Sliding expiration is renewed on every read that finds the entry,
/// but never beyond its absolute expiration. Safe for concurrent use.
/// </remarks>
public sealed class SqliteDistributedCache : IDistributedCache
{
    /// <summary>
    /// How often a write also deletes expired rows: 5 minutes, so the table does not grow with dead entries while
    /// the bulk delete costs one indexed query per interval.
    /// </summary>
    public static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(5);

    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS distributed_cache (
            key TEXT PRIMARY KEY,
            value BLOB NOT NULL,
            expires_at INTEGER,
            sliding_ms INTEGER,
            absolute_expires_at INTEGER
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS distributed_cache_by_expiry ON distributed_cache (expires_at) WHERE expires_at IS NOT NULL;
        """;

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _createLock = new(1, 1);
    private volatile bool _tableReady;
    private long _lastPurgeMs;

    /// <summary>Initializes a cache over <paramref name="database"/>.</summary>
    /// <param name="database">The database that holds the table.</param>
    /// <param name="time">The clock for expirations; <see langword="null"/> for the system clock.</param>
    public SqliteDistributedCache(SqliteDatabase database, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc/>
    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    /// <inheritdoc/>
    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await EnsureTableAsync(token).ConfigureAwait(false);

        var now = NowMs();
        var row = await _database.ReadAsync((connection, _) => ValueTask.FromResult(ReadRow(connection, key)), token).ConfigureAwait(false);
        if (row is not { } found || found.ExpiresAt <= now)
        {
            return null;
        }

        if (found.SlidingMs is not null)
        {
            await RenewAsync(key, token).ConfigureAwait(false);
        }

        return found.Value;
    }

    /// <inheritdoc/>
    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    /// <inheritdoc/>
    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        await EnsureTableAsync(token).ConfigureAwait(false);

        var now = NowMs();
        long? absolute = options.AbsoluteExpiration?.ToUnixTimeMilliseconds()
            ?? (options.AbsoluteExpirationRelativeToNow is { } relative ? now + (long)relative.TotalMilliseconds : null);
        long? sliding = options.SlidingExpiration is { } slide ? (long)slide.TotalMilliseconds : null;
        if (absolute <= now)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.AbsoluteExpiration, "The absolute expiration is in the past; the entry would never be readable.");
        }

        await _database.WriteAsync(
            (connection, transaction, _) =>
            {
                using SqliteCommand command = SqliteCommands.Create(
                    connection,
                    transaction,
                    "INSERT INTO distributed_cache (key, value, expires_at, sliding_ms, absolute_expires_at) VALUES ($key, $value, $expires, $sliding, $absolute) " +
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at, sliding_ms = excluded.sliding_ms, absolute_expires_at = excluded.absolute_expires_at;",
                    "$key", "$value", "$expires", "$sliding", "$absolute");
                command.Parameters["$key"].Value = key;
                command.Parameters["$value"].Value = value;
                command.Parameters["$expires"].Value = (object?)NextExpiry(now, sliding, absolute) ?? DBNull.Value;
                command.Parameters["$sliding"].Value = (object?)sliding ?? DBNull.Value;
                command.Parameters["$absolute"].Value = (object?)absolute ?? DBNull.Value;
                command.ExecuteNonQuery();

                PurgeIfDue(connection, transaction, now);
                return ValueTask.FromResult(true);
            },
            token).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public void Refresh(string key) => RefreshAsync(key).GetAwaiter().GetResult();

    /// <inheritdoc/>
    public async Task RefreshAsync(string key, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await EnsureTableAsync(token).ConfigureAwait(false);
        await RenewAsync(key, token).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    /// <inheritdoc/>
    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await EnsureTableAsync(token).ConfigureAwait(false);

        await _database.WriteAsync(
            (connection, transaction, _) =>
            {
                using SqliteCommand command = SqliteCommands.Create(connection, transaction, "DELETE FROM distributed_cache WHERE key = $key;", "$key");
                command.Parameters["$key"].Value = key;
                command.ExecuteNonQuery();
                return ValueTask.FromResult(true);
            },
            token).ConfigureAwait(false);
    }

    private static long? NextExpiry(long now, long? sliding, long? absolute)
    {
        if (sliding is not { } slide)
        {
            return absolute;
        }

        return absolute is { } limit ? Math.Min(now + slide, limit) : now + slide;
    }

    private static CacheRow? ReadRow(SqliteConnection connection, string key)
    {
        using SqliteCommand command = SqliteCommands.Create(
            connection, null, "SELECT value, expires_at, sliding_ms FROM distributed_cache WHERE key = $key;", "$key");
        command.Parameters["$key"].Value = key;
        using SqliteDataReader reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new CacheRow(
            (byte[])reader.GetValue(0),
            reader.IsDBNull(1) ? long.MaxValue : reader.GetInt64(1),
            reader.IsDBNull(2) ? null : reader.GetInt64(2));
    }

    private async Task RenewAsync(string key, CancellationToken token)
    {
        var now = NowMs();
        await _database.WriteAsync(
            (connection, transaction, _) =>
            {
                // Only live entries with a sliding window move; the absolute expiration caps the new time.
                using SqliteCommand command = SqliteCommands.Create(
                    connection,
                    transaction,
                    "UPDATE distributed_cache SET expires_at = CASE WHEN absolute_expires_at IS NULL THEN $now + sliding_ms " +
                    "ELSE min($now + sliding_ms, absolute_expires_at) END " +
                    "WHERE key = $key AND sliding_ms IS NOT NULL AND (expires_at IS NULL OR expires_at > $now);",
                    "$key", "$now");
                command.Parameters["$key"].Value = key;
                command.Parameters["$now"].Value = now;
                command.ExecuteNonQuery();
                return ValueTask.FromResult(true);
            },
            token).ConfigureAwait(false);
    }

    private void PurgeIfDue(SqliteConnection connection, SqliteTransaction transaction, long now)
    {
        var last = Interlocked.Read(ref _lastPurgeMs);
        if (now - last < (long)PurgeInterval.TotalMilliseconds || Interlocked.CompareExchange(ref _lastPurgeMs, now, last) != last)
        {
            return;
        }

        using SqliteCommand command = SqliteCommands.Create(connection, transaction, "DELETE FROM distributed_cache WHERE expires_at <= $now;", "$now");
        command.Parameters["$now"].Value = now;
        command.ExecuteNonQuery();
    }

    private async ValueTask EnsureTableAsync(CancellationToken token)
    {
        if (_tableReady)
        {
            return;
        }

        await _createLock.WaitAsync(token).ConfigureAwait(false);
        try
        {
            if (!_tableReady)
            {
                await _database.WriteAsync(
                    (connection, transaction, _) =>
                    {
                        using SqliteCommand command = SqliteCommands.Create(connection, transaction, CreateTable);
                        command.ExecuteNonQuery();
                        return ValueTask.FromResult(true);
                    },
                    token).ConfigureAwait(false);
                _tableReady = true;
            }
        }
        finally
        {
            _createLock.Release();
        }
    }

    private long NowMs() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private readonly record struct CacheRow(byte[] Value, long ExpiresAt, long? SlidingMs);
}
