using Microsoft.Data.Sqlite;
using RagAnything.Storage.Documents;

namespace RagAnything.Storage.Sqlite;

/// <summary>
/// An <see cref="IDocumentStatusStore"/> in the <c>document_status</c> table of a <see cref="SqliteDatabase"/>.
/// </summary>
/// <remarks>
/// Safe for concurrent use, also across processes that share the file: <see cref="TryAddAsync"/> is a single
/// <c>INSERT ... ON CONFLICT DO NOTHING</c>. Pages are ordered by id in SQLite's binary (UTF-8 byte) order, and
/// the continuation token is the last id of the page, so records added or removed between pages never shift
/// the rest of the listing.
/// </remarks>
public sealed class SqliteDocumentStatusStore : IDocumentStatusStore
{
    private static readonly string SelectSql = $"SELECT {DocumentStatusRows.ColumnList} FROM document_status";

    private readonly SqliteDatabase _database;

    /// <summary>Initializes a store over <paramref name="database"/>.</summary>
    public SqliteDocumentStatusStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc/>
    public ValueTask<DocumentStatusRecord?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);

        return _database.ReadAsync(
            (connection, _) =>
            {
                using SqliteCommand command = SqliteCommands.Create(connection, null, SelectSql + " WHERE id = $id;", "$id");
                command.Parameters["$id"].Value = id;
                using SqliteDataReader reader = command.ExecuteReader();
                return ValueTask.FromResult(reader.Read() ? DocumentStatusRows.Read(reader) : null);
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<bool> TryAddAsync(DocumentStatusRecord record, CancellationToken cancellationToken = default)
    {
        DocumentStatusRows.Validate(record, nameof(record));

        return _database.WriteAsync(
            (connection, transaction, _) =>
            {
                using SqliteCommand command = SqliteCommands.Create(
                    connection, transaction, DocumentStatusRows.InsertSql("ON CONFLICT (id) DO NOTHING"), DocumentStatusRows.ParameterNames);
                DocumentStatusRows.Bind(command, record);

                // The affected-row count is SQLite's changes(): 0 when the id already existed.
                return ValueTask.FromResult(command.ExecuteNonQuery() == 1);
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public async ValueTask UpsertAsync(IReadOnlyList<DocumentStatusRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (DocumentStatusRecord record in records)
        {
            DocumentStatusRows.Validate(record, nameof(records));
        }

        await _database.WriteAsync(
            (connection, transaction, token) =>
            {
                using SqliteCommand command = SqliteCommands.Create(
                    connection, transaction, DocumentStatusRows.InsertSql(DocumentStatusRows.UpdateAllOnConflict()), DocumentStatusRows.ParameterNames);
                foreach (DocumentStatusRecord record in records)
                {
                    token.ThrowIfCancellationRequested();
                    DocumentStatusRows.Bind(command, record);
                    command.ExecuteNonQuery();
                }

                return ValueTask.FromResult(true);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);

        await _database.WriteAsync(
            (connection, transaction, _) =>
            {
                using SqliteCommand command = SqliteCommands.Create(connection, transaction, "DELETE FROM document_status WHERE id = $id;", "$id");
                command.Parameters["$id"].Value = id;
                command.ExecuteNonQuery();
                return ValueTask.FromResult(true);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyDictionary<DocumentProcessingStatus, int>> GetCountsAsync(CancellationToken cancellationToken = default)
    {
        return _database.ReadAsync<IReadOnlyDictionary<DocumentProcessingStatus, int>>(
            (connection, _) =>
            {
                using SqliteCommand command = SqliteCommands.Create(connection, null, "SELECT status, COUNT(*) FROM document_status GROUP BY status;");
                using SqliteDataReader reader = command.ExecuteReader();

                var counts = new Dictionary<DocumentProcessingStatus, int>();
                while (reader.Read())
                {
                    counts[Enum.Parse<DocumentProcessingStatus>(reader.GetString(0))] = reader.GetInt32(1);
                }

                return ValueTask.FromResult<IReadOnlyDictionary<DocumentProcessingStatus, int>>(counts);
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<DocumentStatusPage> ListAsync(DocumentStatusQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.PageSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.PageSize, "The page size must be at least 1.");
        }

        return _database.ReadAsync(
            (connection, _) =>
            {
                using SqliteCommand command = CreateListCommand(connection, query);
                using SqliteDataReader reader = command.ExecuteReader();

                var items = new List<DocumentStatusRecord>(query.PageSize);
                bool hasMore = false;
                while (reader.Read())
                {
                    if (items.Count == query.PageSize)
                    {
                        hasMore = true;
                        break;
                    }

                    items.Add(DocumentStatusRows.Read(reader));
                }

                return ValueTask.FromResult(new DocumentStatusPage(items, hasMore ? items[^1].Id : null));
            },
            cancellationToken);
    }

    private static SqliteCommand CreateListCommand(SqliteConnection connection, DocumentStatusQuery query)
    {
        SqliteCommand command = connection.CreateCommand();
        var conditions = new List<string>();
        if (query.ContinuationToken is not null)
        {
            conditions.Add("id > $after");
            command.Parameters.AddWithValue("$after", query.ContinuationToken);
        }

        if (query.Status is { } status)
        {
            conditions.Add("status = $status");
            command.Parameters.AddWithValue("$status", status.ToString());
        }

        if (query.NameContains is not null)
        {
            conditions.Add($"{SqliteFunctions.ContainsIgnoreCase}(source_name, $name)");
            command.Parameters.AddWithValue("$name", query.NameContains);
        }

        // Reading one row past the page shows whether another page follows.
        string where = conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", conditions);
        command.CommandText = $"{SelectSql}{where} ORDER BY id LIMIT $limit;";
        command.Parameters.AddWithValue("$limit", (long)query.PageSize + 1);
        return command;
    }
}
