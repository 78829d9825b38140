namespace RagAnything.Parsing;

/// <summary>
/// The column spans of a table being grown row by row. A row fits when each of its cells overlaps exactly one
/// column, or sits in a gap between columns where it opens a new one.
/// </summary>
internal sealed class PdfTableColumns
{
    private readonly List<(double Left, double Right)> _spans = [];

    public int Count => _spans.Count;

    public IReadOnlyList<(double Left, double Right)> Spans => _spans;

    /// <summary>Returns the column index of each cell, or null when the row does not fit the columns.</summary>
    public int[]? TryAssign(PdfTextRow row)
    {
        var assigned = new int[row.Cells.Count];
        var used = new HashSet<int>();
        for (var i = 0; i < row.Cells.Count; i++)
        {
            var (left, right) = PdfTextRow.CellSpan(row.Cells[i]);
            var matches = Enumerable.Range(0, _spans.Count).Where(column => Overlaps(_spans[column], left, right)).ToList();
            if (matches.Count > 1 || (matches.Count == 1 && !used.Add(matches[0])))
            {
                return null;
            }

            assigned[i] = matches.Count == 1 ? matches[0] : -1;
        }

        return assigned;
    }

    /// <summary>Widens the columns by the row's cells and opens columns for cells that matched none.</summary>
    public void Add(PdfTextRow row, int[] assigned)
    {
        for (var i = 0; i < row.Cells.Count; i++)
        {
            var (left, right) = PdfTextRow.CellSpan(row.Cells[i]);
            if (assigned[i] >= 0)
            {
                var span = _spans[assigned[i]];
                _spans[assigned[i]] = (Math.Min(span.Left, left), Math.Max(span.Right, right));
            }
            else
            {
                _spans.Add((left, right));
            }
        }

        _spans.Sort((a, b) => a.Left.CompareTo(b.Left));
    }

    /// <summary>Returns the column index whose span overlaps the cell most.</summary>
    public int ColumnOf(IReadOnlyList<PdfLayoutWord> cell)
    {
        var (left, right) = PdfTextRow.CellSpan(cell);
        var best = 0;
        var bestOverlap = double.MinValue;
        for (var column = 0; column < _spans.Count; column++)
        {
            var overlap = Math.Min(right, _spans[column].Right) - Math.Max(left, _spans[column].Left);
            if (overlap > bestOverlap)
            {
                bestOverlap = overlap;
                best = column;
            }
        }

        return best;
    }

    private static bool Overlaps((double Left, double Right) span, double left, double right) =>
        left < span.Right && right > span.Left;
}
