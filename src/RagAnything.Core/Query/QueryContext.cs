namespace RagAnything.Query;

/// <summary>
/// Everything retrieved for a question, before an answer is written: the graph entities and relations and the
/// cited chunks, each list within its token budget.
/// </summary>
public sealed record QueryContext
{
    /// <summary>Gets the mode that retrieved the context.</summary>
    public QueryMode Mode { get; init; }

    /// <summary>Gets the keywords the graph was searched with, or empty lists in <see cref="QueryMode.Naive"/> mode.</summary>
    public required QueryKeywords Keywords { get; init; }

    /// <summary>Gets the entities, best first. Empty in <see cref="QueryMode.Naive"/> mode.</summary>
    public required IReadOnlyList<ContextEntity> Entities { get; init; }

    /// <summary>Gets the relations, best first. Empty in <see cref="QueryMode.Naive"/> mode.</summary>
    public required IReadOnlyList<ContextRelation> Relations { get; init; }

    /// <summary>Gets the cited chunks, best first, numbered from 1, each with its document name and page.</summary>
    public required IReadOnlyList<Citation> Chunks { get; init; }
}
