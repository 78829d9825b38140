namespace RagAnything.Query;

/// <summary>
/// A relation of the knowledge graph placed in a query's context.
/// </summary>
public sealed record ContextRelation
{
    /// <summary>Gets the edge key, the two entity keys joined by <c>|</c>.</summary>
    public required string Key { get; init; }

    /// <summary>Gets the name of one entity.</summary>
    public required string Source { get; init; }

    /// <summary>Gets the name of the other entity.</summary>
    public required string Target { get; init; }

    /// <summary>Gets comma-separated keywords that name the kind of relation.</summary>
    public required string Keywords { get; init; }

    /// <summary>Gets the description of the relation, combined from the documents.</summary>
    public required string Description { get; init; }

    /// <summary>Gets the summed weight of every mention of the relation.</summary>
    public double Weight { get; init; }

    /// <summary>Gets the rank score: the vector similarity of the relation to the query keywords, or 0 when it was reached through an entity.</summary>
    public double Score { get; init; }

    /// <summary>Gets the documents the relation was extracted from.</summary>
    public IReadOnlyList<string> DocumentIds { get; init; } = [];
}
