using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using RagAnything.Content;

namespace RagAnything.Parsing;

/// <summary>
/// Streams one worksheet into table items of at most <see cref="OfficeParserOptions.MaxRowsPerTable"/> data rows, each
/// repeating the sheet's first row as its header.
/// </summary>
/// <remarks>
/// Rows are read with <see cref="OpenXmlReader"/>, one <c>row</c> element at a time, so memory grows with the emitted
/// cell texts and the current batch of rows, not with the sheet's XML. Cells keep their column positions from their
/// references, so blank cells stay blank in place. Rows and columns past the last value are trimmed, and rows
/// without any value are dropped. A merged range repeats its top-left value in every cell it covers.
/// </remarks>
internal sealed class XlsxSheetReader(XlsxCellText cellText, OfficeParseContext context)
{
    public void Read(WorksheetPart part, int sheetIndex, string sheetName, List<ContentItem> items)
    {
        var layout = XlsxSheetLayout.Read(part, context.CancellationToken);
        if (layout.LastRow < 0)
        {
            return;
        }

        var width = layout.LastColumn + 1;
        var firstItem = items.Count;
        var merges = new XlsxMergeFiller(layout.Merges, width);
        var batch = new List<IReadOnlyList<string>>();
        IReadOnlyList<string>? header = null;

        using var reader = OpenXmlReader.Create(part);
        var rowIndex = -1;
        var started = false;
        while (XlsxSharedStrings.MoveToStart<Row>(reader, ref started))
        {
            context.CancellationToken.ThrowIfCancellationRequested();

            // NOTE: loading each row as a small DOM keeps memory bounded but allocates about 6 KB per 5-cell row
            // (measured on a 100,000-row sheet). Reading cells from the reader's attributes would cut that.
            var row = (Row)reader.LoadCurrentElement()!;
            var previousRow = rowIndex;
            rowIndex = row.RowIndex?.Value is { } number and > 0 ? (int)number - 1 : rowIndex + 1;
            if (rowIndex > layout.LastRow)
            {
                break;
            }

            // Rows missing from the XML still show a merged range that covers them.
            var mergedUntil = Math.Min(merges.ActiveUntilRow, rowIndex - 1);
            for (var missingRow = previousRow + 1; missingRow <= mergedUntil; missingRow++)
            {
                var merged = new string[width];
                Array.Fill(merged, string.Empty);
                merges.Fill(missingRow, merged);
                Append(merged, ref header, ref batch, sheetIndex, sheetName, items);
            }

            var cells = ReadCells(row, width);
            merges.Fill(rowIndex, cells);
            Append(cells, ref header, ref batch, sheetIndex, sheetName, items);
        }

        if (header is not null && (batch.Count > 0 || items.Count == firstItem))
        {
            items.Add(CreateTable(header, batch, sheetIndex, sheetName));
        }
    }

    /// <summary>Adds a row to the batch (or takes it as the header), and emits the batch when it is full.</summary>
    private void Append(string[] cells, ref IReadOnlyList<string>? header, ref List<IReadOnlyList<string>> batch, int sheetIndex, string sheetName, List<ContentItem> items)
    {
        if (Array.TrueForAll(cells, string.IsNullOrEmpty))
        {
            return;
        }

        if (header is null)
        {
            header = cells;
            return;
        }

        batch.Add(cells);
        if (batch.Count >= context.Options.MaxRowsPerTable)
        {
            items.Add(CreateTable(header, batch, sheetIndex, sheetName));
            batch = [];
        }
    }

    private string[] ReadCells(Row row, int width)
    {
        var cells = new string[width];
        Array.Fill(cells, string.Empty);

        var column = -1;
        foreach (var cell in row.Elements<Cell>())
        {
            column = XlsxPositions.ColumnOf(cell.CellReference?.Value, column);
            if (column < width)
            {
                cells[column] = cellText.Render(cell);
            }
        }

        return cells;
    }

    private static TableItem CreateTable(IReadOnlyList<string> header, List<IReadOnlyList<string>> rows, int sheetIndex, string sheetName) =>
        new([header, .. rows]) { HeaderRowCount = 1, PageIndex = sheetIndex, PageLabel = sheetName };
}
