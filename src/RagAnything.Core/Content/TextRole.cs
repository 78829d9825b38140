namespace RagAnything.Content;

/// <summary>
/// What a block of text is within the document's structure.
/// </summary>
public enum TextRole
{
    /// <summary>Body text.</summary>
    Paragraph,

    /// <summary>A heading. <see cref="TextItem.HeadingLevel"/> gives its level.</summary>
    Heading,

    /// <summary>An item of a bulleted or numbered list.</summary>
    ListItem,

    /// <summary>Source code or other preformatted text.</summary>
    Code,

    /// <summary>A caption of a figure or table that could not be attached to one.</summary>
    Caption,

    /// <summary>A footnote or endnote.</summary>
    Footnote,
}
