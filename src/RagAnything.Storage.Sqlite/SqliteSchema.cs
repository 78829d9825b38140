using Microsoft.Data.Sqlite;

namespace RagAnything.Storage.Sqlite;

/// <summary>
/// The tables of the database and the steps that bring an older file up to date, tracked in
/// SQLite's <c>user_version</c> header field.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>Step <c>i</c> moves the schema from version <c>i</c> to <c>i + 1</c>.</summary>
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE key_values (
            collection TEXT NOT NULL,
            key TEXT NOT NULL,
            value BLOB NOT NULL,
            PRIMARY KEY (collection, key)
        ) WITHOUT ROWID;

        CREATE TABLE vector_collections (
            name TEXT PRIMARY KEY,
            dimension INTEGER NOT NULL CHECK (dimension > 0),
            model_id TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE vectors (
            collection TEXT NOT NULL REFERENCES vector_collections (name) ON DELETE CASCADE,
            id TEXT NOT NULL,
            document_id TEXT NOT NULL,
            vector BLOB NOT NULL,
            PRIMARY KEY (collection, id)
        ) WITHOUT ROWID;
        CREATE INDEX vectors_by_document ON vectors (document_id);

        CREATE TABLE keyword_texts (
            row_id INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            document_id TEXT NOT NULL
        );
        CREATE INDEX keyword_texts_by_document ON keyword_texts (document_id);
        CREATE VIRTUAL TABLE keyword_fts USING fts5 (text, tokenize = 'unicode61 remove_diacritics 2');

        CREATE TABLE document_status (
            id TEXT PRIMARY KEY,
            source_name TEXT NOT NULL,
            media_type TEXT,
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            status TEXT NOT NULL,
            chunk_count INTEGER NOT NULL,
            page_count INTEGER NOT NULL,
            error_stage TEXT,
            error_category TEXT,
            error_message TEXT,
            blob_key TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX document_status_by_status ON document_status (status, id);

        CREATE TABLE blobs (
            key TEXT PRIMARY KEY,
            content BLOB NOT NULL
        );
        """,
        Graph.SqliteGraphSchema.CreateTables,
    ];

    /// <summary>The schema version this code writes.</summary>
    public static int CurrentVersion => Migrations.Length;

    /// <summary>
    /// Brings the database up to <see cref="CurrentVersion"/> in one transaction and returns the version it started from.
    /// </summary>
    /// <exception cref="NotSupportedException">The file was written by a newer version of this library.</exception>
    public static int Migrate(SqliteConnection connection, string databasePath)
    {
        using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
        int version = Convert.ToInt32(SqliteCommands.ExecuteScalar(connection, "PRAGMA user_version;"), System.Globalization.CultureInfo.InvariantCulture);
        if (version > CurrentVersion)
        {
            throw new NotSupportedException(
                $"SQLite database '{databasePath}' has schema version {version}, but this version of RagAnything.Storage.Sqlite " +
                $"supports up to {CurrentVersion}. Upgrade the package or use another database file.");
        }

        for (int step = version; step < CurrentVersion; step++)
        {
            SqliteCommands.Execute(connection, Migrations[step]);
        }

        // PRAGMA takes no parameters; the value is an integer this code computed.
        SqliteCommands.Execute(connection, $"PRAGMA user_version = {CurrentVersion};");
        transaction.Commit();
        return version;
    }
}
