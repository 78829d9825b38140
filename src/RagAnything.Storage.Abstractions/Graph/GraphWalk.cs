namespace RagAnything.Storage.Graph;

/// <summary>
/// The breadth-first walk behind <see cref="IGraphStore.GetSubgraphAsync"/>, shared by the store providers so that
/// every provider picks the same nodes when the node limit cuts the walk short.
/// </summary>
public static class GraphWalk
{
    /// <summary>
    /// Walks from <paramref name="startKey"/> up to <paramref name="maxDepth"/> edges away, visiting each node's
    /// neighbours in the order <paramref name="getNeighbors"/> returns them, and stops at <paramref name="maxNodes"/> nodes.
    /// </summary>
    /// <param name="startKey">The key of the first node.</param>
    /// <param name="maxDepth">The maximum number of edges between the start node and a returned node.</param>
    /// <param name="maxNodes">The maximum number of nodes returned.</param>
    /// <param name="getNode">Gets a node by key, or <see langword="null"/> when it does not exist.</param>
    /// <param name="getNeighbors">Gets the existing neighbours of a node.</param>
    /// <returns>The nodes in visiting order, and whether the node limit left reachable nodes out.</returns>
    public static (IReadOnlyList<GraphNode> Nodes, bool IsTruncated) Run(
        string startKey,
        int maxDepth,
        int maxNodes,
        Func<string, GraphNode?> getNode,
        Func<string, IReadOnlyList<GraphNode>> getNeighbors)
    {
        ArgumentNullException.ThrowIfNull(startKey);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDepth);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNodes, 1);
        ArgumentNullException.ThrowIfNull(getNode);
        ArgumentNullException.ThrowIfNull(getNeighbors);

        var start = getNode(startKey);
        if (start is null)
        {
            return ([], false);
        }

        var visited = new HashSet<string>(StringComparer.Ordinal) { startKey };
        var nodes = new List<GraphNode> { start };
        var frontier = new List<GraphNode> { start };

        for (var depth = 1; depth <= maxDepth && frontier.Count > 0; depth++)
        {
            var next = new List<GraphNode>();
            foreach (var node in frontier)
            {
                foreach (var neighbor in getNeighbors(node.Key))
                {
                    if (!visited.Add(neighbor.Key))
                    {
                        continue;
                    }

                    if (nodes.Count == maxNodes)
                    {
                        return (nodes, true);
                    }

                    nodes.Add(neighbor);
                    next.Add(neighbor);
                }
            }

            frontier = next;
        }

        return (nodes, false);
    }
}
