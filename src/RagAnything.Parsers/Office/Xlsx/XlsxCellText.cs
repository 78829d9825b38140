using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;

namespace RagAnything.Parsing;

/// <summary>
/// Renders a cell's value as Excel shows it: shared and inline strings as they are, numbers and dates through the
/// cell's number format, booleans as TRUE or FALSE, and errors such as <c>#DIV/0!</c> as they are.
/// </summary>
/// <remarks>
/// Formatted numbers are trimmed, because the padding that formats add to align columns (<c>_)</c>) means nothing
/// outside a grid.
/// </remarks>
internal sealed class XlsxCellText(List<string> sharedStrings, XlsxStyles styles, bool date1904)
{
    public string Render(Cell cell)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;

        if (type == CellValues.InlineString)
        {
            return cell.InlineString is null ? raw ?? string.Empty : XlsxSharedStrings.TextOf(cell.InlineString);
        }

        if (raw is null)
        {
            return string.Empty;
        }

        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedStrings.Count ? sharedStrings[index] : raw;
        }

        if (type == CellValues.Boolean)
        {
            return raw is "1" or "true" ? "TRUE" : "FALSE";
        }

        if (type == CellValues.Date)
        {
            return RenderIsoDate(raw, cell.StyleIndex?.Value ?? 0);
        }

        if (type is null || type == CellValues.Number)
        {
            return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? styles.FormatOf(cell.StyleIndex?.Value ?? 0).Format(number, date1904).Trim()
                : raw;
        }

        // Formula strings (str) and errors (e) are shown as stored.
        return raw;
    }

    /// <summary>Renders an ISO 8601 date cell (<c>t="d"</c>) with the cell's date format, or as stored.</summary>
    private string RenderIsoDate(string raw, uint styleIndex)
    {
        var format = styles.FormatOf(styleIndex);
        if (!format.IsDate || !DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date))
        {
            return raw;
        }

        var serial = date1904 ? (date - new DateTime(1904, 1, 1)).TotalDays : date.ToOADate();
        return format.Format(serial, date1904).Trim();
    }
}
