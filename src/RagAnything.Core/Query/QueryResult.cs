namespace RagAnything.Query;

/// <summary>
/// An answer with the chunks it was drawn from.
/// </summary>
public sealed record QueryResult
{
    /// <summary>Gets the answer text.</summary>
    public required string Answer { get; init; }

    /// <summary>Gets the cited chunks, best first.</summary>
    public required IReadOnlyList<Citation> Citations { get; init; }

    /// <summary>Gets the mode that produced the answer.</summary>
    public QueryMode Mode { get; init; }

    /// <summary>
    /// Gets whether the answer was assembled from the best-matching sentences because no chat model is configured.
    /// </summary>
    public bool IsExtractive { get; init; }
}
