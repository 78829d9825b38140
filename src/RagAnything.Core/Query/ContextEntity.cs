namespace RagAnything.Query;

/// <summary>
/// An entity of the knowledge graph placed in a query's context.
/// </summary>
public sealed record ContextEntity
{
    /// <summary>Gets the normalised name that identifies the entity in the graph.</summary>
    public required string Key { get; init; }

    /// <summary>Gets the entity name as the documents write it.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the entity type, such as <c>person</c> or <c>table</c>.</summary>
    public required string Type { get; init; }

    /// <summary>Gets the description of the entity, combined from the documents.</summary>
    public required string Description { get; init; }

    /// <summary>Gets the number of relations the entity has in the graph.</summary>
    public int Degree { get; init; }

    /// <summary>Gets the rank score: the vector similarity of the entity to the query keywords, or 0 when it was reached through a relation.</summary>
    public double Score { get; init; }

    /// <summary>Gets the documents the entity was extracted from.</summary>
    public IReadOnlyList<string> DocumentIds { get; init; } = [];
}
