namespace RagAnything.Storage.Sqlite;

/// <summary>
/// Settings for the SQLite stores, which all share one database file.
/// </summary>
public sealed class SqliteStorageOptions
{
    /// <summary>
    /// The default number of reader connections. Readers in WAL mode neither block each other nor the writer,
    /// and four covers a query's parallel lookups (vectors, keywords, chunks) plus a listing request
    /// without keeping many file handles open.
    /// </summary>
    public const int DefaultReaderConnections = 4;

    /// <summary>
    /// The default command timeout. Thirty seconds is the ADO.NET default, long enough for a large batch
    /// and for waiting on another process that holds the write lock, short enough to surface a stuck database.
    /// </summary>
    public static readonly TimeSpan DefaultCommandTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the path of the database file. It is created, with its directory, on first use.</summary>
    /// <value>Required; there is no default.</value>
    public string DatabasePath { get; set; } = string.Empty;

    /// <summary>Gets or sets the maximum number of connections open for reading at once.</summary>
    /// <value>The default is <see cref="DefaultReaderConnections"/>.</value>
    public int ReaderConnections { get; set; } = DefaultReaderConnections;

    /// <summary>
    /// Gets or sets how long a command may run, which is also how long a connection waits for a lock held by
    /// another connection (SQLite's <c>busy_timeout</c>).
    /// </summary>
    /// <value>The default is <see cref="DefaultCommandTimeout"/>.</value>
    public TimeSpan CommandTimeout { get; set; } = DefaultCommandTimeout;
}
