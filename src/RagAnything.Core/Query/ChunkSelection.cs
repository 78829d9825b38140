namespace RagAnything.Query;

/// <summary>
/// How the graph query modes order the chunks their entities and relations were extracted from.
/// </summary>
public enum ChunkSelection
{
    /// <summary>By the similarity of each chunk's vector to the query, so the chunks closest to the question come first.</summary>
    VectorSimilarity,

    /// <summary>By how many of the selected entities and relations cite each chunk, then by the rank of the first one that does.</summary>
    GraphWeight,
}
