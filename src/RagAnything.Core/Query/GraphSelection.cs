namespace RagAnything.Query;

/// <summary>
/// The entities and relations a graph query selected within their budgets, and the chunks they cite.
/// </summary>
/// <param name="Entities">The selected entities, best first.</param>
/// <param name="Relations">The selected relations, best first.</param>
/// <param name="ChunkIds">The chunks the selected entities and relations were extracted from, in graph-weight order.</param>
internal sealed record GraphSelection(IReadOnlyList<ContextEntity> Entities, IReadOnlyList<ContextRelation> Relations, IReadOnlyList<string> ChunkIds)
{
    public static GraphSelection Empty { get; } = new([], [], []);
}
