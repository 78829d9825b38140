namespace RagAnything.Storage.Graph;

/// <summary>
/// The size of a graph.
/// </summary>
/// <param name="NodeCount">The number of nodes.</param>
/// <param name="EdgeCount">The number of edges.</param>
public sealed record GraphCounts(long NodeCount, long EdgeCount);
