using UglyToad.PdfPig.Core;

namespace RagAnything.Parsing;

/// <summary>
/// Finds tables among a page's lines: runs of at least <see cref="MinRows"/> consecutive lines that split into
/// cells at the same column positions.
/// </summary>
/// <remarks>
/// Cells are separated by gaps of about an em or by vertical ruling lines. Prose lines form one cell and end a run.
/// Two-column page layouts and displayed equations also split lines into aligned pieces, so a run only counts as a
/// table when it has at least two columns, its cells are short (at most <see cref="MaxMedianWordsPerCell"/> words in
/// the median cell and <see cref="MaxWordsPerCell"/> in any), most cells are filled (<see cref="MinFilledCellRatio"/>)
/// and few cells are bare symbols such as operators (<see cref="MaxSymbolCellRatio"/>).
/// </remarks>
internal static class PdfTableDetector
{
    public const int MinRows = 3;

    public const int MaxMedianWordsPerCell = 4;

    public const int MaxWordsPerCell = 8;

    public const double MinFilledCellRatio = 0.6;

    public const double MaxSymbolCellRatio = 0.2;

    // Lines further apart than this many line heights belong to different tables or paragraphs.
    private const double MaxRowGapInHeights = 2.5;

    public static List<PdfTableRegion> Detect(IReadOnlyList<PdfTextRow> rows)
    {
        var tables = new List<PdfTableRegion>();
        var start = 0;
        while (start < rows.Count)
        {
            var (end, columns) = GrowRun(rows, start);
            var run = rows.Skip(start).Take(end - start).ToList();
            var region = IsTableShaped(run, columns) ? CreateRegion(run, columns) : null;
            if (region is not null && HasTableContent(region))
            {
                tables.Add(region);
                start = end;
            }
            else
            {
                start++;
            }
        }

        return tables;
    }

    /// <summary>Returns the end (exclusive) of the longest run of rows from <paramref name="start"/> that share columns.</summary>
    private static (int End, PdfTableColumns Columns) GrowRun(IReadOnlyList<PdfTextRow> rows, int start)
    {
        var columns = new PdfTableColumns();
        var end = start;
        while (end < rows.Count && rows[end].Cells.Count >= 2)
        {
            if (end > start && rows[end - 1].Bottom - rows[end].Top > MaxRowGapInHeights * rows[end].Height)
            {
                break;
            }

            var assigned = columns.TryAssign(rows[end]);
            if (assigned is null)
            {
                break;
            }

            columns.Add(rows[end], assigned);
            end++;
        }

        return (end, columns);
    }

    private static bool IsTableShaped(List<PdfTextRow> run, PdfTableColumns columns)
    {
        if (run.Count < MinRows || columns.Count < 2)
        {
            return false;
        }

        var wordsPerCell = run.SelectMany(row => row.Cells).Select(cell => cell.Count).Order().ToList();
        return wordsPerCell[wordsPerCell.Count / 2] <= MaxMedianWordsPerCell && wordsPerCell[^1] <= MaxWordsPerCell;
    }

    private static bool HasTableContent(PdfTableRegion region)
    {
        var cells = region.Rows.SelectMany(row => row).ToList();
        var filled = cells.Where(cell => cell.Length > 0).ToList();
        if (filled.Count < MinFilledCellRatio * cells.Count)
        {
            return false;
        }

        var symbols = filled.Count(cell => !cell.Any(char.IsLetterOrDigit));
        return symbols <= MaxSymbolCellRatio * filled.Count;
    }

    private static PdfTableRegion CreateRegion(List<PdfTextRow> run, PdfTableColumns columns)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var row in run)
        {
            var cells = new string[columns.Count];
            Array.Fill(cells, string.Empty);
            foreach (var cell in row.Cells)
            {
                var column = columns.ColumnOf(cell);
                var text = PdfTextRow.CellText(cell);
                cells[column] = cells[column].Length == 0 ? text : cells[column] + " " + text;
            }

            rows.Add(cells);
        }

        var words = run.SelectMany(row => row.Words).ToHashSet();
        var bounds = new PdfRectangle(
            words.Min(word => word.Left),
            words.Min(word => word.Bottom),
            words.Max(word => word.Right),
            words.Max(word => word.Top));
        return new PdfTableRegion(rows, words, bounds);
    }
}
