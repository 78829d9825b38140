using A = DocumentFormat.OpenXml.Drawing;

namespace RagAnything.Parsing;

/// <summary>
/// Reads a DrawingML table (<c>a:tbl</c>) into rows of cell texts with merged cells expanded.
/// </summary>
/// <remarks>
/// The schema keeps one cell element per grid position. A merge is written as a cell with <c>gridSpan</c> or
/// <c>rowSpan</c> followed by placeholder cells marked <c>hMerge</c> or <c>vMerge</c>, and each placeholder here repeats
/// the text of the cell to its left or above. A row with fewer cells than the grid (written by some tools) is padded
/// by repeating a spanning last cell, or with empty cells.
/// </remarks>
internal static class PptxTableReader
{
    public static (List<IReadOnlyList<string>> Rows, int HeaderRowCount) Read(A.Table table)
    {
        var gridWidth = table.TableGrid?.Elements<A.GridColumn>().Count() ?? 0;
        var rows = new List<List<string>>();

        foreach (var row in table.Elements<A.TableRow>())
        {
            var cells = new List<string>();
            var lastSpan = 1;
            foreach (var cell in row.Elements<A.TableCell>())
            {
                var column = cells.Count;
                var above = rows.Count > 0 && column < rows[^1].Count ? rows[^1][column] : string.Empty;
                var text = cell.HorizontalMerge?.Value == true && column > 0 ? cells[^1]
                    : cell.VerticalMerge?.Value == true ? above
                    : TextOf(cell);

                cells.Add(text);
                lastSpan = Math.Max(cell.GridSpan?.Value ?? 1, 1);
            }

            for (var missing = 1; cells.Count < gridWidth; missing++)
            {
                cells.Add(missing < lastSpan && cells.Count > 0 ? cells[^1] : string.Empty);
            }

            rows.Add(cells);
        }

        var width = rows.Count == 0 ? 0 : rows.Max(row => row.Count);
        foreach (var row in rows)
        {
            while (row.Count < width)
            {
                row.Add(string.Empty);
            }
        }

        // PowerPoint's "Header Row" option (firstRow) styles the first row as a header; without it the first row is still
        // the best guess at column labels.
        return (rows.Cast<IReadOnlyList<string>>().ToList(), 1);
    }

    private static string TextOf(A.TableCell cell) =>
        DocxText.Normalize(string.Join(" ", cell.TextBody?.Elements<A.Paragraph>().Select(PptxText.ParagraphText) ?? []));
}
