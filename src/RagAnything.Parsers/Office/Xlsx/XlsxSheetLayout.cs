using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace RagAnything.Parsing;

/// <summary>
/// The first, streaming pass over a worksheet: the used extent (last row and column holding a value) and the merged
/// ranges, which SpreadsheetML stores after the cell data.
/// </summary>
internal sealed class XlsxSheetLayout
{
    private XlsxSheetLayout(int lastRow, int lastColumn, List<(int FirstColumn, int FirstRow, int LastColumn, int LastRow)> merges)
    {
        LastRow = lastRow;
        LastColumn = lastColumn;
        Merges = merges;
    }

    /// <summary>Gets the zero-based index of the last row with a value, or -1 for an empty sheet.</summary>
    public int LastRow { get; }

    /// <summary>Gets the zero-based index of the last column with a value, or -1 for an empty sheet.</summary>
    public int LastColumn { get; }

    public List<(int FirstColumn, int FirstRow, int LastColumn, int LastRow)> Merges { get; }

    public static XlsxSheetLayout Read(WorksheetPart part, CancellationToken cancellationToken)
    {
        var lastRow = -1;
        var lastColumn = -1;
        var merges = new List<(int, int, int, int)>();

        using var reader = OpenXmlReader.Create(part);
        var row = -1;
        var column = -1;
        while (reader.Read())
        {
            if (!reader.IsStartElement)
            {
                continue;
            }

            if (reader.ElementType == typeof(Row))
            {
                cancellationToken.ThrowIfCancellationRequested();
                row = XlsxPositions.RowOf(reader.Attributes, row);
                column = -1;
            }
            else if (reader.ElementType == typeof(Cell))
            {
                column = XlsxPositions.ColumnOf(reader.Attributes, column);
            }
            else if (reader.ElementType == typeof(CellValue) || reader.ElementType == typeof(InlineString))
            {
                // Only cells with a value count; styled empty cells are formatting, not content.
                lastRow = Math.Max(lastRow, row);
                lastColumn = Math.Max(lastColumn, column);
            }
            else if (reader.ElementType == typeof(MergeCell))
            {
                var reference = XlsxPositions.Attribute(reader.Attributes, "ref");
                if (reference is not null && XlsxCellReference.TryParseRange(reference, out var range))
                {
                    merges.Add(range);
                }
            }
        }

        return new XlsxSheetLayout(lastRow, lastColumn, merges);
    }
}
