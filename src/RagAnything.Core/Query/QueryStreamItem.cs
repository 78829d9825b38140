namespace RagAnything.Query;

/// <summary>
/// One item of a streamed answer: first the references, then the answer text in fragments.
/// </summary>
public sealed record QueryStreamItem
{
    /// <summary>Gets what this item carries.</summary>
    public required QueryStreamItemKind Kind { get; init; }

    /// <summary>Gets the mode that produced the answer.</summary>
    public QueryMode Mode { get; init; }

    /// <summary>Gets the cited chunks, best first, in the <see cref="QueryStreamItemKind.References"/> item; empty in the others.</summary>
    /// <value>The default is an empty list.</value>
    public IReadOnlyList<Citation> Citations { get; init; } = [];

    /// <summary>Gets the answer text of an <see cref="QueryStreamItemKind.AnswerFragment"/> item; empty in the others.</summary>
    /// <value>The default is an empty string.</value>
    public string Text { get; init; } = "";

    /// <summary>
    /// Gets whether the answer is assembled from the best-matching sentences because no chat model is configured.
    /// </summary>
    public bool IsExtractive { get; init; }
}
