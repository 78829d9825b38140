namespace RagAnything.Query;

/// <summary>
/// What a <see cref="QueryStreamItem"/> carries.
/// </summary>
public enum QueryStreamItemKind
{
    /// <summary>The citations the answer draws on. Always the first item, sent once, possibly with an empty list.</summary>
    References,

    /// <summary>A piece of the answer text, to be appended to the pieces before it.</summary>
    AnswerFragment,
}
