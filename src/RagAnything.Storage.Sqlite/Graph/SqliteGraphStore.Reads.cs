using Microsoft.Data.Sqlite;
using RagAnything.Storage.Graph;

namespace RagAnything.Storage.Sqlite.Graph;

public sealed partial class SqliteGraphStore
{
    /// <inheritdoc/>
    public ValueTask<GraphNode?> GetNodeAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);

        return _database.ReadAsync((connection, _) => ValueTask.FromResult(SqliteGraphRows.ReadNode(connection, key)), cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyDictionary<string, GraphNode>> GetNodesAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);

        return _database.ReadAsync<IReadOnlyDictionary<string, GraphNode>>(
            (connection, token) =>
            {
                var found = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
                foreach (var key in keys)
                {
                    token.ThrowIfCancellationRequested();
                    if (SqliteGraphRows.ReadNode(connection, key) is { } node)
                    {
                        found[key] = node;
                    }
                }

                return ValueTask.FromResult<IReadOnlyDictionary<string, GraphNode>>(found);
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<GraphEdge?> GetEdgeAsync(string source, string target, CancellationToken cancellationToken = default)
    {
        var key = GraphKeys.EdgeKey(source, target);

        return _database.ReadAsync((connection, _) => ValueTask.FromResult(SqliteGraphRows.ReadEdge(connection, key)), cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyDictionary<string, GraphEdge>> GetEdgesAsync(IReadOnlyCollection<string> edgeKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edgeKeys);

        return _database.ReadAsync<IReadOnlyDictionary<string, GraphEdge>>(
            (connection, token) =>
            {
                var found = new Dictionary<string, GraphEdge>(StringComparer.Ordinal);
                foreach (var key in edgeKeys)
                {
                    token.ThrowIfCancellationRequested();
                    if (SqliteGraphRows.ReadEdge(connection, key) is { } edge)
                    {
                        found[key] = edge;
                    }
                }

                return ValueTask.FromResult<IReadOnlyDictionary<string, GraphEdge>>(found);
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<GraphEdge>> GetNodeEdgesAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);

        return _database.ReadAsync<IReadOnlyList<GraphEdge>>(
            (connection, _) => ValueTask.FromResult<IReadOnlyList<GraphEdge>>(SqliteGraphRows.ReadNodeEdges(connection, key)),
            cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<GraphNode>> GetNeighborsAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);

        return _database.ReadAsync<IReadOnlyList<GraphNode>>(
            (connection, _) => ValueTask.FromResult<IReadOnlyList<GraphNode>>(SqliteGraphRows.ReadNeighbors(connection, key)),
            cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyDictionary<string, int>> GetDegreesAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);

        return _database.ReadAsync<IReadOnlyDictionary<string, int>>(
            (connection, token) =>
            {
                var degrees = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var key in keys)
                {
                    token.ThrowIfCancellationRequested();
                    degrees[key] = SqliteGraphRows.ReadDegree(connection, key);
                }

                return ValueTask.FromResult<IReadOnlyDictionary<string, int>>(degrees);
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<GraphSubgraph> GetSubgraphAsync(string key, int maxDepth, int maxNodes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDepth);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNodes, 1);

        return _database.ReadAsync(
            (connection, _) =>
            {
                var walk = GraphWalk.Run(
                    key,
                    maxDepth,
                    maxNodes,
                    nodeKey => SqliteGraphRows.ReadNode(connection, nodeKey),
                    nodeKey => SqliteGraphRows.ReadNeighbors(connection, nodeKey));

                var included = new HashSet<string>(walk.Nodes.Select(node => node.Key), StringComparer.Ordinal);
                var edges = walk.Nodes
                    .SelectMany(node => SqliteGraphRows.ReadNodeEdges(connection, node.Key))
                    .Where(edge => included.Contains(edge.Source) && included.Contains(edge.Target))
                    .DistinctBy(edge => edge.Key)
                    .OrderBy(edge => edge.Key, StringComparer.Ordinal)
                    .ToList();
                return ValueTask.FromResult(new GraphSubgraph(walk.Nodes, edges, walk.IsTruncated));
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// NOTE: SQLite's own case folding covers ASCII only, so names are matched by a .NET function and every search
    /// scans all node names. An index would need the case-folded name stored in a column of its own.
    /// </remarks>
    public ValueTask<IReadOnlyList<GraphNode>> SearchLabelsAsync(string text, LabelMatch match, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);

        return _database.ReadAsync(
            (connection, _) =>
            {
                using SqliteCommand command = SqliteCommands.Create(
                    connection,
                    null,
                    $"SELECT key, name FROM graph_nodes WHERE {SqliteFunctions.ContainsIgnoreCase}(name, $text);",
                    "$text");
                command.Parameters["$text"].Value = text;

                // Ranking needs only the key and the name, so full nodes are read just for the few that are returned.
                var candidates = new List<GraphNode>();
                using (SqliteDataReader reader = command.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        candidates.Add(new GraphNode { Key = reader.GetString(0), Name = reader.GetString(1) });
                    }
                }

                var selected = GraphLabelSearch.SelectMatches(candidates, text, match, limit);
                IReadOnlyList<GraphNode> nodes = selected.Select(node => SqliteGraphRows.ReadNode(connection, node.Key)).OfType<GraphNode>().ToList();
                return ValueTask.FromResult(nodes);
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<GraphCounts> CountAsync(CancellationToken cancellationToken = default)
    {
        return _database.ReadAsync(
            (connection, _) =>
            {
                long nodes = (long)SqliteCommands.ExecuteScalar(connection, "SELECT count(*) FROM graph_nodes;")!;
                long edges = (long)SqliteCommands.ExecuteScalar(connection, "SELECT count(*) FROM graph_edges;")!;
                return ValueTask.FromResult(new GraphCounts(nodes, edges));
            },
            cancellationToken);
    }
}
