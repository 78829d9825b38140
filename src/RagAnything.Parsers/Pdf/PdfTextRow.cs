namespace RagAnything.Parsing;

/// <summary>
/// The words of one visual line, left to right, split into cells at wide gaps and vertical ruling lines.
/// </summary>
internal sealed class PdfTextRow
{
    public PdfTextRow(IReadOnlyList<PdfLayoutWord> words, IReadOnlyList<IReadOnlyList<PdfLayoutWord>> cells)
    {
        Words = words;
        Cells = cells;
        Top = words.Max(word => word.Top);
        Bottom = words.Min(word => word.Bottom);
        Height = words.Max(word => word.Height);
    }

    public IReadOnlyList<PdfLayoutWord> Words { get; }

    public IReadOnlyList<IReadOnlyList<PdfLayoutWord>> Cells { get; }

    public double Top { get; }

    public double Bottom { get; }

    public double Height { get; }

    public static string CellText(IReadOnlyList<PdfLayoutWord> cell) => string.Join(' ', cell.Select(word => word.Text));

    public static (double Left, double Right) CellSpan(IReadOnlyList<PdfLayoutWord> cell) =>
        (cell.Min(word => word.Left), cell.Max(word => word.Right));
}
