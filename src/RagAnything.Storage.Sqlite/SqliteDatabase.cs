using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace RagAnything.Storage.Sqlite;

/// <summary>
/// Owns one SQLite database file shared by all SQLite stores: a pool of reader connections and a single
/// writer connection, because SQLite lets only one connection write at a time.
/// </summary>
/// <remarks>
/// Nothing is opened until the first store call. The first call creates the file and its directory, switches
/// the file to WAL journal mode (readers and the writer then proceed in parallel) and creates or migrates the
/// schema. Safe for concurrent use. Disposing checkpoints the WAL into the main file and closes every connection.
/// </remarks>
public sealed class SqliteDatabase : IAsyncDisposable, IDisposable
{
    private readonly SqliteStorageOptions _options;
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writerLock = new(1, 1);
    private readonly SemaphoreSlim _readerSlots;
    private readonly ConcurrentBag<SqliteConnection> _idleReaders = [];
    private SqliteConnection? _writer;
    private volatile bool _initialized;
    private volatile bool _disposed;

    /// <summary>Initializes a database owner for the file named in <paramref name="options"/>. Opens nothing.</summary>
    /// <exception cref="OptionsValidationException">The options are invalid; the message lists every problem.</exception>
    public SqliteDatabase(IOptions<SqliteStorageOptions> options, ILogger<SqliteDatabase>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);

        _options = options.Value;
        ValidateOptionsResult validation = new SqliteStorageOptionsValidator().Validate(Options.DefaultName, _options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(SqliteStorageOptions), validation.Failures);
        }

        Logger = logger ?? NullLogger<SqliteDatabase>.Instance;
        DatabasePath = Path.GetFullPath(_options.DatabasePath);
        _readerSlots = new SemaphoreSlim(_options.ReaderConnections, _options.ReaderConnections);

        // Pooling is off because this class pools its own connections and must really close them on dispose.
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = false,
            ForeignKeys = true,
            DefaultTimeout = (int)Math.Ceiling(_options.CommandTimeout.TotalSeconds),
        }.ToString();
    }

    /// <summary>Gets the full path of the database file.</summary>
    public string DatabasePath { get; }

    internal ILogger Logger { get; }

    /// <summary>Runs <paramref name="work"/> on a pooled reader connection, which rejects writes.</summary>
    internal async ValueTask<T> ReadAsync<T>(Func<SqliteConnection, CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        await _readerSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
        SqliteConnection? connection = null;
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            connection = _idleReaders.TryTake(out SqliteConnection? idle) ? idle : OpenConnection(reader: true);
            return await work(connection, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ReturnReader(connection);
            _readerSlots.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> in one write transaction, committed when the work returns.</summary>
    internal ValueTask<T> WriteAsync<T>(
        Func<SqliteConnection, SqliteTransaction, CancellationToken, ValueTask<T>> work,
        CancellationToken cancellationToken)
    {
        return WithWriterAsync(
            async (connection, token) =>
            {
                // BEGIN IMMEDIATE takes the write lock up front, so the transaction cannot fail half-way on SQLITE_BUSY.
                using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
                T result = await work(connection, transaction, token).ConfigureAwait(false);
                transaction.Commit();
                return result;
            },
            cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/> with the writer connection while no other write can start. The work manages
    /// its own transaction, which lets it update in-memory state after the commit and before the next writer.
    /// </summary>
    internal async ValueTask<T> WithWriterAsync<T>(Func<SqliteConnection, CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        await _writerLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return await work(_writer!, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writerLock.Release();
        }
    }

    /// <summary>Checkpoints the WAL into the database file and closes every connection.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _writerLock.Wait();
        try
        {
            Close();
        }
        finally
        {
            _writerLock.Release();
        }
    }

    /// <summary>Checkpoints the WAL into the database file and closes every connection, waiting for a running write to finish.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        await _writerLock.WaitAsync().ConfigureAwait(false);
        try
        {
            Close();
        }
        finally
        {
            _writerLock.Release();
        }
    }

    private async ValueTask EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        if (_initialized)
        {
            return;
        }

        await _writerLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_initialized)
            {
                Initialize();
                _initialized = true;
            }
        }
        finally
        {
            _writerLock.Release();
        }
    }

    private void Initialize()
    {
        string? directory = Path.GetDirectoryName(DatabasePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        SqliteConnection writer = OpenConnection(reader: false);
        try
        {
            SqliteFeatures.RequireFts5(writer);
            string journalMode = SqliteFeatures.EnableWal(writer, DatabasePath);

            int fromVersion = SqliteSchema.Migrate(writer, DatabasePath);
            if (fromVersion == 0)
            {
                Log.SchemaCreated(Logger, DatabasePath, SqliteSchema.CurrentVersion);
            }
            else if (fromVersion < SqliteSchema.CurrentVersion)
            {
                Log.SchemaMigrated(Logger, DatabasePath, fromVersion, SqliteSchema.CurrentVersion);
            }

            Log.DatabaseOpened(Logger, DatabasePath, writer.ServerVersion, journalMode);
            _writer = writer;
        }
        catch
        {
            writer.Dispose();
            throw;
        }
    }

    private SqliteConnection OpenConnection(bool reader)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();

            // synchronous=NORMAL is durable across application crashes in WAL mode; only a power loss can drop
            // the last commits. busy_timeout makes a connection wait for another process's lock instead of failing.
            long busyMilliseconds = (long)_options.CommandTimeout.TotalMilliseconds;
            string pragmas = string.Create(
                CultureInfo.InvariantCulture,
                $"PRAGMA busy_timeout = {busyMilliseconds}; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
            SqliteCommands.Execute(connection, reader ? pragmas + " PRAGMA query_only = ON;" : pragmas);

            // SQLite's LIKE and lower() fold ASCII only, so the name filter calls .NET's ordinal ignore-case comparison.
            connection.CreateFunction(
                SqliteFunctions.ContainsIgnoreCase,
                static (string? text, string? part) => text is not null && part is not null && text.Contains(part, StringComparison.OrdinalIgnoreCase),
                isDeterministic: true);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void ReturnReader(SqliteConnection? connection)
    {
        if (connection is null)
        {
            return;
        }

        if (_disposed)
        {
            connection.Dispose();
            return;
        }

        _idleReaders.Add(connection);
    }

    private void Close()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        while (_idleReaders.TryTake(out SqliteConnection? reader))
        {
            reader.Dispose();
        }

        if (_writer is null)
        {
            return;
        }

        try
        {
            // TRUNCATE copies the WAL into the database and empties it, so the file is complete on its own.
            SqliteCommands.Execute(_writer, "PRAGMA wal_checkpoint(TRUNCATE);");
        }
        catch (SqliteException exception)
        {
            Log.CheckpointFailed(Logger, DatabasePath, exception);
        }

        _writer.Dispose();
        _writer = null;
        Log.DatabaseClosed(Logger, DatabasePath);
    }
}
