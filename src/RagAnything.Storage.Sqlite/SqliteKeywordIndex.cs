using Microsoft.Data.Sqlite;
using RagAnything.Storage.Keyword;

namespace RagAnything.Storage.Sqlite;

/// <summary>
/// An <see cref="IKeywordIndex"/> on an FTS5 table of a <see cref="SqliteDatabase"/>, ranked by FTS5's <c>bm25()</c>
/// (k1 = 1.2, b = 0.75).
/// </summary>
/// <remarks>
/// Texts are tokenised by FTS5's <c>unicode61</c> tokenizer with diacritics removed, after Han, Hiragana and
/// Katakana characters are spaced apart so that each is a term, as <see cref="KeywordTokenizer"/> does.
/// Queries are split by <see cref="KeywordTokenizer"/> and each term is quoted, so no query text is FTS5 syntax.
/// Safe for concurrent use.
/// </remarks>
public sealed class SqliteKeywordIndex : IKeywordIndex
{
    private readonly SqliteDatabase _database;

    /// <summary>Initializes an index over <paramref name="database"/>.</summary>
    public SqliteKeywordIndex(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc/>
    public async ValueTask UpsertAsync(IReadOnlyList<KeywordDocument> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        foreach (KeywordDocument document in documents)
        {
            ArgumentNullException.ThrowIfNull(document, nameof(documents));
            ArgumentException.ThrowIfNullOrEmpty(document.Id, nameof(documents));
            ArgumentNullException.ThrowIfNull(document.DocumentId, nameof(documents));
            ArgumentNullException.ThrowIfNull(document.Text, nameof(documents));
        }

        await _database.WriteAsync(
            (connection, transaction, token) =>
            {
                // keyword_texts gives each text id a stable row id, which is also its FTS5 rowid.
                using SqliteCommand upsertRow = SqliteCommands.Create(
                    connection,
                    transaction,
                    "INSERT INTO keyword_texts (id, document_id) VALUES ($id, $document) " +
                    "ON CONFLICT (id) DO UPDATE SET document_id = excluded.document_id RETURNING row_id;",
                    "$id",
                    "$document");
                using SqliteCommand deleteText = SqliteCommands.Create(connection, transaction, "DELETE FROM keyword_fts WHERE rowid = $row;", "$row");
                using SqliteCommand insertText = SqliteCommands.Create(
                    connection, transaction, "INSERT INTO keyword_fts (rowid, text) VALUES ($row, $text);", "$row", "$text");

                foreach (KeywordDocument document in documents)
                {
                    token.ThrowIfCancellationRequested();
                    upsertRow.Parameters["$id"].Value = document.Id;
                    upsertRow.Parameters["$document"].Value = document.DocumentId;
                    long rowId = Convert.ToInt64(upsertRow.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);

                    deleteText.Parameters["$row"].Value = rowId;
                    deleteText.ExecuteNonQuery();
                    insertText.Parameters["$row"].Value = rowId;
                    insertText.Parameters["$text"].Value = KeywordQueries.ToIndexedText(document.Text);
                    insertText.ExecuteNonQuery();
                }

                return ValueTask.FromResult(true);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask DeleteDocumentAsync(string documentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documentId);

        await _database.WriteAsync(
            (connection, transaction, _) =>
            {
                using SqliteCommand command = SqliteCommands.Create(
                    connection,
                    transaction,
                    "DELETE FROM keyword_fts WHERE rowid IN (SELECT row_id FROM keyword_texts WHERE document_id = $document); " +
                    "DELETE FROM keyword_texts WHERE document_id = $document;",
                    "$document");
                command.Parameters["$document"].Value = documentId;
                command.ExecuteNonQuery();
                return ValueTask.FromResult(true);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<KeywordMatch>> SearchAsync(string query, int topK, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(topK);

        string? match = KeywordQueries.ToMatchExpression(query);
        if (match is null || topK == 0)
        {
            return [];
        }

        return await _database.ReadAsync<IReadOnlyList<KeywordMatch>>(
            (connection, _) =>
            {
                // bm25() is lower for better matches, so results are ordered ascending and the score is negated.
                using SqliteCommand command = SqliteCommands.Create(
                    connection,
                    null,
                    "SELECT t.id, t.document_id, bm25(keyword_fts) AS rank FROM keyword_fts " +
                    "JOIN keyword_texts AS t ON t.row_id = keyword_fts.rowid " +
                    "WHERE keyword_fts MATCH $match ORDER BY rank, t.id LIMIT $limit;",
                    "$match",
                    "$limit");
                command.Parameters["$match"].Value = match;
                command.Parameters["$limit"].Value = topK;

                var matches = new List<KeywordMatch>();
                using SqliteDataReader reader = command.ExecuteReader();
                while (reader.Read())
                {
                    matches.Add(new KeywordMatch(reader.GetString(0), reader.GetString(1), -reader.GetDouble(2)));
                }

                return ValueTask.FromResult<IReadOnlyList<KeywordMatch>>(matches);
            },
            cancellationToken).ConfigureAwait(false);
    }
}
