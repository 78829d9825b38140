namespace RagAnything.Query;

/// <summary>
/// An equation sent with a question.
/// </summary>
/// <param name="Text">The expression, such as <c>E = mc^2</c>.</param>
public sealed record EquationAttachment(string Text) : QueryAttachment
{
    /// <summary>Gets the notation of <see cref="Text"/>: <c>latex</c>, <c>mathml</c> or <c>text</c>.</summary>
    /// <value>The default is <c>latex</c>.</value>
    public string Format { get; init; } = "latex";
}
