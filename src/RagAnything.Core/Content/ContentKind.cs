namespace RagAnything.Content;

/// <summary>
/// The kind of a content item, and of the chunks made from it.
/// </summary>
public enum ContentKind
{
    /// <summary>Prose: paragraphs, headings, list items, code.</summary>
    Text,

    /// <summary>A table of rows and cells.</summary>
    Table,

    /// <summary>A picture, with its caption and any text read from it.</summary>
    Image,

    /// <summary>A mathematical expression.</summary>
    Equation,
}
