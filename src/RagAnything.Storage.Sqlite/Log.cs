using Microsoft.Extensions.Logging;

namespace RagAnything.Storage.Sqlite;

/// <summary>The log events of the SQLite stores. Event ids are in the storage band, 3000 to 3999.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Opened SQLite database {DatabasePath} (SQLite {SqliteVersion}, journal mode {JournalMode})")]
    public static partial void DatabaseOpened(ILogger logger, string databasePath, string sqliteVersion, string journalMode);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Created schema version {SchemaVersion} in SQLite database {DatabasePath}")]
    public static partial void SchemaCreated(ILogger logger, string databasePath, int schemaVersion);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Migrated SQLite database {DatabasePath} from schema version {FromVersion} to {ToVersion}")]
    public static partial void SchemaMigrated(ILogger logger, string databasePath, int fromVersion, int toVersion);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Loaded vector index for collection {Collection}: {Count} vectors in {ElapsedMilliseconds} ms")]
    public static partial void VectorIndexLoaded(ILogger logger, string collection, int count, long elapsedMilliseconds);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "WAL checkpoint failed while closing SQLite database {DatabasePath}; the next open replays the WAL")]
    public static partial void CheckpointFailed(ILogger logger, string databasePath, Exception exception);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Closed SQLite database {DatabasePath}")]
    public static partial void DatabaseClosed(ILogger logger, string databasePath);
}
