using Microsoft.Data.Sqlite;
using RagAnything.Storage.Graph;

namespace RagAnything.Storage.Sqlite.Graph;

/// <summary>
/// An <see cref="IGraphStore"/> in the <c>graph_*</c> tables of a <see cref="SqliteDatabase"/>.
/// </summary>
/// <remarks>
/// Safe for concurrent use, also by several processes sharing the file. Each batch and each document removal is
/// one transaction, so readers see all of it or none of it. Reads of several records (a subgraph, a batch of
/// nodes) run on one reader connection and so see one snapshot.
/// </remarks>
public sealed partial class SqliteGraphStore : IGraphStore
{
    private readonly SqliteDatabase _database;

    /// <summary>Initializes a store over <paramref name="database"/>.</summary>
    public SqliteGraphStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc/>
    public async ValueTask UpsertNodesAsync(IReadOnlyList<GraphNode> nodes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        foreach (var node in nodes)
        {
            GraphRecordChecks.ValidateNode(node);
        }

        await _database.WriteAsync(
            (connection, transaction, token) =>
            {
                using SqliteCommand upsert = SqliteCommands.Create(
                    connection,
                    transaction,
                    "INSERT INTO graph_nodes (key, name, type, description) VALUES ($key, $name, $type, $description) " +
                    "ON CONFLICT (key) DO UPDATE SET name = excluded.name, type = excluded.type, description = excluded.description;",
                    "$key",
                    "$name",
                    "$type",
                    "$description");
                using var sources = new SourceWriter(connection, transaction, "graph_node_sources", "node_key");

                foreach (var node in nodes)
                {
                    token.ThrowIfCancellationRequested();
                    upsert.Parameters["$key"].Value = node.Key;
                    upsert.Parameters["$name"].Value = node.Name;
                    upsert.Parameters["$type"].Value = node.Type;
                    upsert.Parameters["$description"].Value = node.Description;
                    upsert.ExecuteNonQuery();
                    sources.Replace(node.Key, node.Sources);
                }

                return ValueTask.FromResult(true);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask UpsertEdgesAsync(IReadOnlyList<GraphEdge> edges, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edges);
        foreach (var edge in edges)
        {
            GraphRecordChecks.ValidateEdge(edge);
        }

        await _database.WriteAsync(
            (connection, transaction, token) =>
            {
                using SqliteCommand upsert = SqliteCommands.Create(
                    connection,
                    transaction,
                    "INSERT INTO graph_edges (key, source, target, keywords, description, weight) " +
                    "VALUES ($key, $source, $target, $keywords, $description, $weight) " +
                    "ON CONFLICT (key) DO UPDATE SET source = excluded.source, target = excluded.target, keywords = excluded.keywords, " +
                    "description = excluded.description, weight = excluded.weight;",
                    "$key",
                    "$source",
                    "$target",
                    "$keywords",
                    "$description",
                    "$weight");
                using var sources = new SourceWriter(connection, transaction, "graph_edge_sources", "edge_key");

                foreach (var edge in edges.Select(edge => edge.InCanonicalOrder()))
                {
                    token.ThrowIfCancellationRequested();
                    upsert.Parameters["$key"].Value = edge.Key;
                    upsert.Parameters["$source"].Value = edge.Source;
                    upsert.Parameters["$target"].Value = edge.Target;
                    upsert.Parameters["$keywords"].Value = edge.Keywords;
                    upsert.Parameters["$description"].Value = edge.Description;
                    upsert.Parameters["$weight"].Value = edge.Weight;
                    upsert.ExecuteNonQuery();
                    sources.Replace(edge.Key, edge.Sources);
                }

                return ValueTask.FromResult(true);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public ValueTask<GraphRemovalResult> RemoveDocumentAsync(string documentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documentId);

        return _database.WriteAsync(
            (connection, transaction, _) => ValueTask.FromResult(new SqliteDocumentRemoval(connection, transaction, documentId).Run()),
            cancellationToken);
    }

    /// <summary>Replaces the source rows of one node or edge with prepared commands reused across a batch.</summary>
    private sealed class SourceWriter : IDisposable
    {
        private readonly SqliteCommand _delete;
        private readonly SqliteCommand _insert;

        public SourceWriter(SqliteConnection connection, SqliteTransaction transaction, string table, string keyColumn)
        {
            _delete = SqliteCommands.Create(connection, transaction, $"DELETE FROM {table} WHERE {keyColumn} = $key;", "$key");
            _insert = SqliteCommands.Create(
                connection,
                transaction,
                $"INSERT OR IGNORE INTO {table} ({keyColumn}, document_id, chunk_id, ordinal) VALUES ($key, $document, $chunk, $ordinal);",
                "$key",
                "$document",
                "$chunk",
                "$ordinal");
        }

        public void Replace(string key, IReadOnlyList<GraphSource> sources)
        {
            _delete.Parameters["$key"].Value = key;
            _delete.ExecuteNonQuery();

            _insert.Parameters["$key"].Value = key;
            for (var ordinal = 0; ordinal < sources.Count; ordinal++)
            {
                _insert.Parameters["$document"].Value = sources[ordinal].DocumentId;
                _insert.Parameters["$chunk"].Value = sources[ordinal].ChunkId;
                _insert.Parameters["$ordinal"].Value = ordinal;
                _insert.ExecuteNonQuery();
            }
        }

        public void Dispose()
        {
            _delete.Dispose();
            _insert.Dispose();
        }
    }
}
