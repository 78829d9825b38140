using UglyToad.PdfPig.Core;

namespace RagAnything.Parsing;

/// <summary>
/// A table found on a page: its cell texts, the words it consumed and its rectangle in PDF user space.
/// </summary>
internal sealed record PdfTableRegion(
    IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlySet<PdfLayoutWord> Words,
    PdfRectangle Bounds);
