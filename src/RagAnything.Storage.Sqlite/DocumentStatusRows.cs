using System.Globalization;
using Microsoft.Data.Sqlite;
using RagAnything.Storage.Documents;

namespace RagAnything.Storage.Sqlite;

/// <summary>Maps <see cref="DocumentStatusRecord"/> to rows of the <c>document_status</c> table and back.</summary>
internal static class DocumentStatusRows
{
    public static readonly string[] Columns =
    [
        "id", "source_name", "media_type", "size", "sha256", "status", "chunk_count", "page_count",
        "error_stage", "error_category", "error_message", "blob_key", "created_at", "updated_at",
    ];

    public static readonly string ColumnList = string.Join(", ", Columns);

    public static readonly string[] ParameterNames = Columns.Select(column => "$" + column).ToArray();

    /// <summary>Returns an INSERT statement for one row, ending with <paramref name="conflictClause"/>.</summary>
    public static string InsertSql(string conflictClause) =>
        $"INSERT INTO document_status ({ColumnList}) VALUES ({string.Join(", ", ParameterNames)}) {conflictClause};";

    /// <summary>The conflict clause that replaces every column of an existing row.</summary>
    public static string UpdateAllOnConflict() =>
        "ON CONFLICT (id) DO UPDATE SET " + string.Join(", ", Columns.Skip(1).Select(column => $"{column} = excluded.{column}"));

    public static void Bind(SqliteCommand command, DocumentStatusRecord record)
    {
        SqliteParameterCollection parameters = command.Parameters;
        parameters["$id"].Value = record.Id;
        parameters["$source_name"].Value = record.SourceName;
        parameters["$media_type"].Value = (object?)record.MediaType ?? DBNull.Value;
        parameters["$size"].Value = record.Size;
        parameters["$sha256"].Value = record.Sha256;
        parameters["$status"].Value = record.Status.ToString();
        parameters["$chunk_count"].Value = record.ChunkCount;
        parameters["$page_count"].Value = record.PageCount;
        parameters["$error_stage"].Value = (object?)record.Error?.Stage ?? DBNull.Value;
        parameters["$error_category"].Value = (object?)record.Error?.Category.ToString() ?? DBNull.Value;
        parameters["$error_message"].Value = (object?)record.Error?.Message ?? DBNull.Value;
        parameters["$blob_key"].Value = (object?)record.BlobKey ?? DBNull.Value;
        parameters["$created_at"].Value = record.CreatedAt.ToString("O", CultureInfo.InvariantCulture);
        parameters["$updated_at"].Value = record.UpdatedAt.ToString("O", CultureInfo.InvariantCulture);
    }

    /// <summary>Reads the current row of a reader that selected <see cref="ColumnList"/>.</summary>
    public static DocumentStatusRecord Read(SqliteDataReader reader)
    {
        DocumentError? error = reader.IsDBNull(8)
            ? null
            : new DocumentError(reader.GetString(8), Enum.Parse<ErrorCategory>(reader.GetString(9)), reader.GetString(10));

        return new DocumentStatusRecord
        {
            Id = reader.GetString(0),
            SourceName = reader.GetString(1),
            MediaType = reader.IsDBNull(2) ? null : reader.GetString(2),
            Size = reader.GetInt64(3),
            Sha256 = reader.GetString(4),
            Status = Enum.Parse<DocumentProcessingStatus>(reader.GetString(5)),
            ChunkCount = reader.GetInt32(6),
            PageCount = reader.GetInt32(7),
            Error = error,
            BlobKey = reader.IsDBNull(11) ? null : reader.GetString(11),
            CreatedAt = DateTimeOffset.Parse(reader.GetString(12), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            UpdatedAt = DateTimeOffset.Parse(reader.GetString(13), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        };
    }

    public static void Validate(DocumentStatusRecord? record, string parameterName)
    {
        if (record is null)
        {
            throw new ArgumentNullException(parameterName);
        }

        if (string.IsNullOrEmpty(record.Id))
        {
            throw new ArgumentException("A document status record has a missing or empty id.", parameterName);
        }
    }
}
