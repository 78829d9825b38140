namespace RagAnything.Content;

/// <summary>
/// A mathematical expression in a textual notation.
/// </summary>
/// <param name="Text">The expression, such as <c>E = mc^2</c>.</param>
public sealed record EquationItem(string Text) : ContentItem
{
    /// <inheritdoc/>
    [System.Text.Json.Serialization.JsonIgnore]
    public override ContentKind Kind => ContentKind.Equation;

    /// <summary>Gets the notation of <see cref="EquationItem.Text"/>: <c>latex</c>, <c>mathml</c> or <c>text</c>.</summary>
    /// <value>The default is <c>latex</c>.</value>
    public string Format { get; init; } = "latex";
}
