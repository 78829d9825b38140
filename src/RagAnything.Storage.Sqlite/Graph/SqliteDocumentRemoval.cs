using Microsoft.Data.Sqlite;
using RagAnything.Storage.Graph;

namespace RagAnything.Storage.Sqlite.Graph;

/// <summary>
/// Removes one document's sources from the graph inside the caller's write transaction, then deletes the nodes and
/// edges left without a source and the edges of deleted nodes.
/// </summary>
internal sealed class SqliteDocumentRemoval(SqliteConnection connection, SqliteTransaction transaction, string documentId)
{
    public GraphRemovalResult Run()
    {
        var touchedNodes = SelectKeys("SELECT DISTINCT node_key FROM graph_node_sources WHERE document_id = $value;", documentId);
        var touchedEdges = SelectKeys("SELECT DISTINCT edge_key FROM graph_edge_sources WHERE document_id = $value;", documentId);

        Execute("DELETE FROM graph_node_sources WHERE document_id = $document;");
        Execute("DELETE FROM graph_edge_sources WHERE document_id = $document;");

        var deletedNodes = new SortedSet<string>(StringComparer.Ordinal);
        var deletedEdges = new SortedSet<string>(StringComparer.Ordinal);
        var changedNodes = new SortedSet<string>(StringComparer.Ordinal);
        var changedEdges = new SortedSet<string>(StringComparer.Ordinal);

        foreach (var edgeKey in touchedEdges)
        {
            if (HasSources("graph_edge_sources", "edge_key", edgeKey))
            {
                changedEdges.Add(edgeKey);
            }
            else
            {
                DeleteRow("graph_edges", edgeKey);
                deletedEdges.Add(edgeKey);
            }
        }

        foreach (var nodeKey in touchedNodes)
        {
            if (HasSources("graph_node_sources", "node_key", nodeKey))
            {
                changedNodes.Add(nodeKey);
                continue;
            }

            // A relation cannot outlive one of its entities, even when other documents still cite the relation.
            foreach (var edgeKey in SelectKeys("SELECT key FROM graph_edges WHERE source = $value OR target = $value;", nodeKey))
            {
                DeleteRow("graph_edges", edgeKey);
                deletedEdges.Add(edgeKey);
                changedEdges.Remove(edgeKey);
            }

            DeleteRow("graph_nodes", nodeKey);
            deletedNodes.Add(nodeKey);
        }

        return new GraphRemovalResult([.. deletedNodes], [.. deletedEdges], [.. changedNodes], [.. changedEdges]);
    }

    private List<string> SelectKeys(string sql, string value)
    {
        using SqliteCommand command = SqliteCommands.Create(connection, transaction, sql, "$value");
        command.Parameters["$value"].Value = value;

        var keys = new List<string>();
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    private void Execute(string sql)
    {
        using SqliteCommand command = SqliteCommands.Create(connection, transaction, sql, "$document");
        command.Parameters["$document"].Value = documentId;
        command.ExecuteNonQuery();
    }

    private bool HasSources(string table, string keyColumn, string key)
    {
        using SqliteCommand command = SqliteCommands.Create(connection, transaction, $"SELECT EXISTS (SELECT 1 FROM {table} WHERE {keyColumn} = $key);", "$key");
        command.Parameters["$key"].Value = key;
        return (long)command.ExecuteScalar()! == 1;
    }

    private void DeleteRow(string table, string key)
    {
        // Source rows go with the record through ON DELETE CASCADE.
        using SqliteCommand command = SqliteCommands.Create(connection, transaction, $"DELETE FROM {table} WHERE key = $key;", "$key");
        command.Parameters["$key"].Value = key;
        command.ExecuteNonQuery();
    }
}
