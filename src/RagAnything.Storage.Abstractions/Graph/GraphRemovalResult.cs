namespace RagAnything.Storage.Graph;

/// <summary>
/// What removing one document's contributions did to the graph.
/// </summary>
/// <param name="DeletedNodeKeys">Nodes that lost their last source and were deleted, in ordinal order.</param>
/// <param name="DeletedEdgeKeys">Edges that lost their last source or an endpoint and were deleted, in ordinal order.</param>
/// <param name="ChangedNodeKeys">Nodes that lost some sources but keep others; their descriptions need rebuilding.</param>
/// <param name="ChangedEdgeKeys">Edges that lost some sources but keep others; their descriptions and weights need rebuilding.</param>
public sealed record GraphRemovalResult(
    IReadOnlyList<string> DeletedNodeKeys,
    IReadOnlyList<string> DeletedEdgeKeys,
    IReadOnlyList<string> ChangedNodeKeys,
    IReadOnlyList<string> ChangedEdgeKeys);
