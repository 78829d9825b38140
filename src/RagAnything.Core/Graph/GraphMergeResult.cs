using RagAnything.Storage.Graph;

namespace RagAnything.Graph;

/// <summary>
/// The nodes and edges a merge produced, ready to upsert.
/// </summary>
/// <param name="Nodes">The new and updated nodes, in order of first mention.</param>
/// <param name="Edges">The new and updated edges, endpoints in canonical order, in order of first mention.</param>
internal sealed record GraphMergeResult(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges);
