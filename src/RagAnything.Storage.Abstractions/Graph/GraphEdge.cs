namespace RagAnything.Storage.Graph;

/// <summary>
/// A relation between two entities of the knowledge graph. Relations are undirected: the edge from
/// <c>a</c> to <c>b</c> and the edge from <c>b</c> to <c>a</c> are the same edge, with key <see cref="Key"/>.
/// </summary>
public sealed record GraphEdge
{
    /// <summary>Gets the key of one endpoint node.</summary>
    public required string Source { get; init; }

    /// <summary>Gets the key of the other endpoint node.</summary>
    public required string Target { get; init; }

    /// <summary>Gets comma-separated keywords that name the kind of relation.</summary>
    /// <value>The default is an empty string.</value>
    public string Keywords { get; init; } = "";

    /// <summary>Gets the description of the relation, combined from every chunk that states it.</summary>
    /// <value>The default is an empty string.</value>
    public string Description { get; init; } = "";

    /// <summary>Gets the strength of the relation: the sum of the weights of every mention of it.</summary>
    /// <value>The default is 1.</value>
    public double Weight { get; init; } = 1;

    /// <summary>Gets the chunks the relation was extracted from, with their documents, oldest first.</summary>
    /// <value>The default is an empty list.</value>
    public IReadOnlyList<GraphSource> Sources { get; init; } = [];

    /// <summary>Gets the key of the edge, the same for both orders of the endpoints.</summary>
    public string Key => GraphKeys.EdgeKey(Source, Target);

    /// <summary>Gets the distinct ids of the chunks in <see cref="Sources"/>, in order of first appearance.</summary>
    public IReadOnlyList<string> SourceChunkIds => Sources.Select(source => source.ChunkId).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Gets the distinct ids of the documents in <see cref="Sources"/>, in order of first appearance.</summary>
    public IReadOnlyList<string> DocumentIds => Sources.Select(source => source.DocumentId).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Returns this edge with its endpoints in the order of <see cref="GraphKeys.EdgeKey"/>.</summary>
    public GraphEdge InCanonicalOrder()
        => string.CompareOrdinal(Source, Target) <= 0 ? this : this with { Source = Target, Target = Source };
}
