namespace RagAnything.Content;

/// <summary>
/// A block of text: a paragraph, heading, list item, code block, caption or footnote.
/// </summary>
/// <param name="Text">The text, with whitespace normalised by the parser.</param>
public sealed record TextItem(string Text) : ContentItem
{
    /// <inheritdoc/>
    [System.Text.Json.Serialization.JsonIgnore]
    public override ContentKind Kind => ContentKind.Text;

    /// <summary>Gets the structural role of the text.</summary>
    /// <value>The default is <see cref="TextRole.Paragraph"/>.</value>
    public TextRole Role { get; init; } = TextRole.Paragraph;

    /// <summary>Gets the heading level (1 is the top level) when <see cref="Role"/> is <see cref="TextRole.Heading"/>, else 0.</summary>
    public int HeadingLevel { get; init; }
}
