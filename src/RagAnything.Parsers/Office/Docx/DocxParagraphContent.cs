using DocumentFormat.OpenXml.Wordprocessing;

namespace RagAnything.Parsing;

/// <summary>
/// What one Word paragraph contains: its text with inline math as LaTeX, and the objects found in it.
/// </summary>
internal sealed class DocxParagraphContent
{
    /// <summary>Gets the paragraph text, with each equation inline between dollar signs.</summary>
    public System.Text.StringBuilder Text { get; } = new();

    /// <summary>Gets whether the paragraph has text other than equations.</summary>
    public bool HasPlainText { get; set; }

    /// <summary>Gets the equations of the paragraph as LaTeX, in order.</summary>
    public List<string> Equations { get; } = [];

    /// <summary>Gets the drawings and VML pictures of the paragraph, in order.</summary>
    public List<DocumentFormat.OpenXml.OpenXmlElement> Drawings { get; } = [];

    /// <summary>Gets the ids of the footnotes and endnotes referenced by the paragraph.</summary>
    public List<(bool IsEndnote, long Id)> NoteReferences { get; } = [];

    /// <summary>Gets how many page breaks come before the paragraph's first visible text.</summary>
    public int PageBreaksBefore { get; set; }

    /// <summary>Gets how many page breaks come after the paragraph's first visible text.</summary>
    public int PageBreaksAfter { get; set; }

    public ParagraphProperties? Properties { get; init; }
}
