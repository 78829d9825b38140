using AngleSharp.Html.Dom;

namespace RagAnything.Parsing;

/// <summary>
/// Builds the cell grid of an HTML table: <c>colspan</c> and <c>rowspan</c> are expanded by repeating the cell's text
/// in every slot it covers, and leading rows in <c>&lt;thead&gt;</c> or made only of <c>&lt;th&gt;</c> cells count as
/// header rows.
/// </summary>
internal static class HtmlTableReader
{
    /// <summary>The largest <c>colspan</c> the HTML standard honours.</summary>
    private const int MaxColumnSpan = 1000;

    /// <summary>The largest <c>rowspan</c> the HTML standard honours.</summary>
    private const int MaxRowSpan = 65534;

    /// <summary>
    /// The maximum number of cells one table may expand to. Spans let a few bytes of markup claim millions of cells; a million
    /// short cells is a few tens of megabytes, far beyond any table a person reads.
    /// </summary>
    internal const int MaxCells = 1_000_000;

    public static HtmlTable Read(IHtmlTableElement table)
    {
        var grid = new List<string?[]>();
        var headerRows = new List<bool>();
        var width = 0;
        var truncated = false;

        var rowIndex = 0;
        foreach (var row in table.Rows)
        {
            if ((long)Math.Max(width, 1) * (rowIndex + 1) > MaxCells)
            {
                truncated = true;
                break;
            }

            var cells = row.Cells.ToList();
            EnsureRow(grid, rowIndex, width);
            var column = 0;
            foreach (var cell in cells)
            {
                // Skip the slots that cells spanning down from earlier rows already fill.
                while (column < grid[rowIndex].Length && grid[rowIndex][column] is not null)
                {
                    column++;
                }

                var columnSpan = Math.Clamp(cell.ColumnSpan, 1, MaxColumnSpan);
                var rowSpan = cell.RowSpan <= 0 ? MaxRowSpan : Math.Min(cell.RowSpan, MaxRowSpan);

                // A row span never reaches past the table's last row, nor past the last row that fits the cell limit.
                // A cell that cannot fit even one row is dropped.
                var cellWidth = Math.Max(width, column + columnSpan);
                var maxRows = MaxCells / cellWidth;
                rowSpan = Math.Min(rowSpan, Math.Min(table.Rows.Length, maxRows) - rowIndex);
                if (rowSpan < 1 || (long)cellWidth * grid.Count > MaxCells)
                {
                    truncated = true;
                    continue;
                }

                width = cellWidth;
                Fill(grid, rowIndex, rowSpan, column, columnSpan, width, HtmlText.Of(cell));
                column += columnSpan;
            }

            headerRows.Add(IsHeaderRow(row, cells));
            rowIndex++;
        }

        return Normalize(grid, headerRows, width, CaptionOf(table), truncated);
    }

    private static bool IsHeaderRow(IHtmlTableRowElement row, List<IHtmlTableCellElement> cells) =>
        row.ParentElement?.LocalName == "thead" || (cells.Count > 0 && cells.All(cell => cell.LocalName == "th"));

    private static string? CaptionOf(IHtmlTableElement table)
    {
        var caption = table.Caption is null ? string.Empty : HtmlText.Of(table.Caption);
        return caption.Length == 0 ? null : caption;
    }

    private static void EnsureRow(List<string?[]> grid, int rowIndex, int width)
    {
        while (grid.Count <= rowIndex)
        {
            grid.Add(new string?[width]);
        }
    }

    private static void Fill(List<string?[]> grid, int row, int rowSpan, int column, int columnSpan, int width, string text)
    {
        for (var target = row; target < row + rowSpan; target++)
        {
            EnsureRow(grid, target, width);
            if (grid[target].Length < width)
            {
                var wider = grid[target];
                Array.Resize(ref wider, width);
                grid[target] = wider;
            }

            Array.Fill(grid[target], text, column, columnSpan);
        }
    }

    /// <summary>
    /// Pads rows to the full width, then drops rows and columns without text, which layout tables and financial
    /// filings use as spacers.
    /// </summary>
    private static HtmlTable Normalize(List<string?[]> grid, List<bool> headerRows, int width, string? caption, bool truncated)
    {
        var keptColumns = Enumerable.Range(0, width)
            .Where(column => grid.Any(row => column < row.Length && !string.IsNullOrEmpty(row[column])))
            .ToArray();

        var rows = new List<IReadOnlyList<string>>();
        var headerRowCount = 0;
        var countingHeader = true;
        for (var index = 0; index < grid.Count; index++)
        {
            var row = grid[index];
            var cells = keptColumns.Select(column => column < row.Length ? row[column] ?? string.Empty : string.Empty).ToArray();
            if (cells.All(cell => cell.Length == 0))
            {
                continue;
            }

            var isHeader = index < headerRows.Count && headerRows[index];
            countingHeader &= isHeader;
            headerRowCount += countingHeader ? 1 : 0;
            rows.Add(cells);
        }

        return new HtmlTable(rows, headerRowCount, caption, truncated);
    }
}
