namespace RagAnything.Parsing;

/// <summary>
/// Parses A1-style cell references such as <c>AB12</c> into zero-based column and row numbers.
/// </summary>
internal static class XlsxCellReference
{
    /// <summary>The largest column number that SpreadsheetML allows (XFD), zero-based.</summary>
    public const int MaxColumn = 16383;

    public static bool TryParse(ReadOnlySpan<char> reference, out int column, out int row)
    {
        column = -1;
        row = -1;

        var position = 0;
        var columnNumber = 0;
        while (position < reference.Length && char.IsAsciiLetter(reference[position]))
        {
            columnNumber = (columnNumber * 26) + (char.ToUpperInvariant(reference[position]) - 'A' + 1);
            if (columnNumber - 1 > MaxColumn)
            {
                return false;
            }

            position++;
        }

        if (columnNumber == 0 || !int.TryParse(reference[position..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var rowNumber) || rowNumber < 1)
        {
            return false;
        }

        column = columnNumber - 1;
        row = rowNumber - 1;
        return true;
    }

    /// <summary>Parses a range such as <c>A1:C3</c>; a single cell is a range of one.</summary>
    public static bool TryParseRange(string range, out (int FirstColumn, int FirstRow, int LastColumn, int LastRow) bounds)
    {
        bounds = default;
        var separator = range.IndexOf(':', StringComparison.Ordinal);
        var first = separator < 0 ? range.AsSpan() : range.AsSpan(0, separator);
        var last = separator < 0 ? range.AsSpan() : range.AsSpan(separator + 1);
        if (!TryParse(first, out var firstColumn, out var firstRow) || !TryParse(last, out var lastColumn, out var lastRow))
        {
            return false;
        }

        bounds = (Math.Min(firstColumn, lastColumn), Math.Min(firstRow, lastRow), Math.Max(firstColumn, lastColumn), Math.Max(firstRow, lastRow));
        return true;
    }
}
