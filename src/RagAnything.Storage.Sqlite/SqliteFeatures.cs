using Microsoft.Data.Sqlite;

namespace RagAnything.Storage.Sqlite;

/// <summary>Checks and switches on the SQLite features the stores depend on.</summary>
internal static class SqliteFeatures
{
    /// <summary>Returns whether the loaded SQLite library was compiled with the FTS5 full-text extension.</summary>
    public static bool HasFts5(SqliteConnection connection)
    {
        object? used = SqliteCommands.ExecuteScalar(connection, "SELECT sqlite_compileoption_used('ENABLE_FTS5');");
        return used is long value && value == 1;
    }

    /// <exception cref="NotSupportedException">The SQLite library has no FTS5.</exception>
    public static void RequireFts5(SqliteConnection connection)
    {
        if (!HasFts5(connection))
        {
            throw new NotSupportedException(
                $"The SQLite library in use (version {connection.ServerVersion}) was built without FTS5, which the keyword index needs. " +
                "Use the SQLitePCLRaw.bundle_e_sqlite3 bundle that Microsoft.Data.Sqlite references, or another SQLite build with FTS5.");
        }
    }

    /// <summary>Switches the file to WAL journal mode and returns the mode SQLite reports.</summary>
    /// <exception cref="NotSupportedException">SQLite kept another mode, as it does for in-memory databases.</exception>
    public static string EnableWal(SqliteConnection connection, string databasePath)
    {
        string mode = Convert.ToString(SqliteCommands.ExecuteScalar(connection, "PRAGMA journal_mode = WAL;"), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException(
                $"SQLite database '{databasePath}' could not be switched to WAL journal mode (it reports '{mode}'). " +
                "Use a file on a local file system; WAL does not work for in-memory databases or on most network shares.");
        }

        return mode;
    }
}
