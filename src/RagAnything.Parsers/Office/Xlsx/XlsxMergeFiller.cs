namespace RagAnything.Parsing;

/// <summary>
/// Copies the top-left value of each merged range into every cell of the range, as rows stream past in order.
/// </summary>
/// <remarks>
/// Ranges are indexed by their first row, and a range is active only while rows inside it are read, so the cost per
/// row depends on the ranges that cover it, not on the sheet's total number of merges.
/// </remarks>
internal sealed class XlsxMergeFiller
{
    private readonly Dictionary<int, List<(int FirstColumn, int FirstRow, int LastColumn, int LastRow)>> _byFirstRow = [];
    private readonly List<((int FirstColumn, int FirstRow, int LastColumn, int LastRow) Range, string Value)> _active = [];
    private readonly int _width;

    public XlsxMergeFiller(List<(int FirstColumn, int FirstRow, int LastColumn, int LastRow)> merges, int width)
    {
        _width = width;
        foreach (var merge in merges)
        {
            if (!_byFirstRow.TryGetValue(merge.FirstRow, out var list))
            {
                list = [];
                _byFirstRow[merge.FirstRow] = list;
            }

            list.Add(merge);
        }
    }

    /// <summary>Gets the last row covered by a range that is filling, or -1 when none is.</summary>
    public int ActiveUntilRow => _active.Count == 0 ? -1 : _active.Max(entry => entry.Range.LastRow);

    public void Fill(int rowIndex, string[] cells)
    {
        _active.RemoveAll(entry => entry.Range.LastRow < rowIndex);

        if (_byFirstRow.Remove(rowIndex, out var starting))
        {
            foreach (var range in starting)
            {
                var value = range.FirstColumn < _width ? cells[range.FirstColumn] : string.Empty;
                if (value.Length > 0)
                {
                    _active.Add((range, value));
                }
            }
        }

        foreach (var (range, value) in _active)
        {
            for (var column = range.FirstColumn; column <= Math.Min(range.LastColumn, _width - 1); column++)
            {
                cells[column] = value;
            }
        }
    }
}
