using Microsoft.Data.Sqlite;
using RagAnything.Storage.Graph;

namespace RagAnything.Storage.Sqlite.Graph;

/// <summary>
/// Reads graph nodes and edges, with their sources, on one connection.
/// </summary>
internal static class SqliteGraphRows
{
    private const string NodeColumns = "key, name, type, description";
    private const string EdgeColumns = "key, source, target, keywords, description, weight";

    public static GraphNode? ReadNode(SqliteConnection connection, string key)
    {
        using SqliteCommand command = SqliteCommands.Create(connection, null, $"SELECT {NodeColumns} FROM graph_nodes WHERE key = $key;", "$key");
        command.Parameters["$key"].Value = key;
        using SqliteDataReader reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new GraphNode
        {
            Key = reader.GetString(0),
            Name = reader.GetString(1),
            Type = reader.GetString(2),
            Description = reader.GetString(3),
            Sources = ReadSources(connection, "graph_node_sources", "node_key", key),
        };
    }

    public static GraphEdge? ReadEdge(SqliteConnection connection, string edgeKey)
    {
        using SqliteCommand command = SqliteCommands.Create(connection, null, $"SELECT {EdgeColumns} FROM graph_edges WHERE key = $key;", "$key");
        command.Parameters["$key"].Value = edgeKey;
        using SqliteDataReader reader = command.ExecuteReader();
        return reader.Read() ? ToEdge(connection, reader) : null;
    }

    /// <summary>Reads the edges that touch a node, ordered by edge key.</summary>
    public static List<GraphEdge> ReadNodeEdges(SqliteConnection connection, string nodeKey)
    {
        using SqliteCommand command = SqliteCommands.Create(
            connection,
            null,
            $"SELECT {EdgeColumns} FROM graph_edges WHERE source = $key UNION SELECT {EdgeColumns} FROM graph_edges WHERE target = $key ORDER BY key;",
            "$key");
        command.Parameters["$key"].Value = nodeKey;

        var edges = new List<GraphEdge>();
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            edges.Add(ToEdge(connection, reader));
        }

        return edges;
    }

    /// <summary>Reads the stored nodes that share an edge with a node, ordered by key.</summary>
    public static List<GraphNode> ReadNeighbors(SqliteConnection connection, string nodeKey)
    {
        using SqliteCommand command = SqliteCommands.Create(
            connection,
            null,
            "SELECT target FROM graph_edges WHERE source = $key UNION SELECT source FROM graph_edges WHERE target = $key ORDER BY 1;",
            "$key");
        command.Parameters["$key"].Value = nodeKey;

        var neighborKeys = new List<string>();
        using (SqliteDataReader reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                neighborKeys.Add(reader.GetString(0));
            }
        }

        return neighborKeys.Select(key => ReadNode(connection, key)).OfType<GraphNode>().ToList();
    }

    public static int ReadDegree(SqliteConnection connection, string nodeKey)
    {
        using SqliteCommand command = SqliteCommands.Create(
            connection,
            null,
            "SELECT (SELECT count(*) FROM graph_edges WHERE source = $key) + (SELECT count(*) FROM graph_edges WHERE target = $key);",
            "$key");
        command.Parameters["$key"].Value = nodeKey;
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static List<GraphSource> ReadSources(SqliteConnection connection, string table, string keyColumn, string key)
    {
        // The table and column names come from this class's callers, never from input.
        using SqliteCommand command = SqliteCommands.Create(
            connection,
            null,
            $"SELECT document_id, chunk_id FROM {table} WHERE {keyColumn} = $key ORDER BY ordinal;",
            "$key");
        command.Parameters["$key"].Value = key;

        var sources = new List<GraphSource>();
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            sources.Add(new GraphSource(reader.GetString(0), reader.GetString(1)));
        }

        return sources;
    }

    private static GraphEdge ToEdge(SqliteConnection connection, SqliteDataReader reader) => new()
    {
        Source = reader.GetString(1),
        Target = reader.GetString(2),
        Keywords = reader.GetString(3),
        Description = reader.GetString(4),
        Weight = reader.GetDouble(5),
        Sources = ReadSources(connection, "graph_edge_sources", "edge_key", reader.GetString(0)),
    };
}
