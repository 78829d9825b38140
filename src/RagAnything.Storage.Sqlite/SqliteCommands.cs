using Microsoft.Data.Sqlite;

namespace RagAnything.Storage.Sqlite;

/// <summary>Shorthands for commands that run once, such as pragmas and schema statements.</summary>
internal static class SqliteCommands
{
    public static void Execute(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static object? ExecuteScalar(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>Creates a command with named parameters, to be prepared once and executed for each row of a batch.</summary>
    public static SqliteCommand Create(SqliteConnection connection, SqliteTransaction? transaction, string sql, params string[] parameterNames)
    {
        SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (string name in parameterNames)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        return command;
    }
}
