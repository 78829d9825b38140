using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace RagAnything.Parsing;

/// <summary>
/// Reads a Word table into rows of cell texts, expanding merged cells so that every row has one cell per grid column.
/// </summary>
/// <remarks>
/// A horizontally merged cell (<c>w:gridSpan</c>) repeats its text in each column it spans, and a vertically merged
/// continuation cell (<c>w:vMerge</c> without <c>restart</c>) repeats the text of the cell above it. Nested tables are
/// flattened into their cell's text. Paragraphs of a cell are joined with spaces.
/// </remarks>
internal sealed class DocxTableReader(DocxParagraphReader paragraphReader)
{
    /// <summary>Reads the table and collects the equations and pictures of its cells into <paramref name="cellObjects"/>.</summary>
    public (List<IReadOnlyList<string>> Rows, int HeaderRowCount) Read(Table table, List<DocxParagraphContent> cellObjects, CancellationToken cancellationToken)
    {
        var rows = new List<List<string>>();
        var headerRows = 0;
        var countingHeaders = true;

        foreach (var row in table.Elements<TableRow>())
        {
            cancellationToken.ThrowIfCancellationRequested();

            var isHeader = row.TableRowProperties?.GetFirstChild<TableHeader>() is { } header && header.Val?.Value != OnOffOnlyValues.Off;
            if (countingHeaders && isHeader)
            {
                headerRows++;
            }
            else
            {
                countingHeaders = false;
            }

            rows.Add(ReadRow(row, rows.Count > 0 ? rows[^1] : null, cellObjects));
        }

        var width = rows.Count == 0 ? 0 : rows.Max(row => row.Count);
        foreach (var row in rows)
        {
            while (row.Count < width)
            {
                row.Add(string.Empty);
            }
        }

        return (rows.Cast<IReadOnlyList<string>>().ToList(), Math.Max(headerRows, 1));
    }

    private List<string> ReadRow(TableRow row, List<string>? above, List<DocxParagraphContent> cellObjects)
    {
        var cells = new List<string>();

        // w:gridBefore skips grid columns at the start of the row.
        var skipped = row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
        for (var column = 0; column < skipped; column++)
        {
            cells.Add(string.Empty);
        }

        foreach (var cell in row.Elements<TableCell>())
        {
            var span = Math.Max(cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1, 1);
            var merge = cell.TableCellProperties?.VerticalMerge;
            var continuesAbove = merge is not null && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue);

            var text = continuesAbove && above is not null && cells.Count < above.Count
                ? above[cells.Count]
                : ReadCellText(cell, cellObjects);

            for (var column = 0; column < span; column++)
            {
                cells.Add(text);
            }
        }

        return cells;
    }

    private string ReadCellText(OpenXmlElement container, List<DocxParagraphContent> cellObjects)
    {
        var parts = new List<string>();
        foreach (var paragraph in Paragraphs(container))
        {
            var content = paragraphReader.Read(paragraph);
            if (content.Equations.Count > 0 || content.Drawings.Count > 0)
            {
                cellObjects.Add(content);
            }

            var text = DocxText.Normalize(content.Text.ToString());
            if (text.Length > 0)
            {
                parts.Add(text);
            }
        }

        return string.Join(" ", parts);
    }

    /// <summary>Returns the cell's paragraphs in order, including those of nested tables and content controls.</summary>
    private static IEnumerable<Paragraph> Paragraphs(OpenXmlElement container)
    {
        foreach (var child in container.ChildElements)
        {
            if (child is Paragraph paragraph)
            {
                yield return paragraph;
            }
            else if (child is Table or TableRow or TableCell or SdtBlock or SdtContentBlock or SdtRow or SdtContentRow or SdtCell or SdtContentCell or CustomXmlBlock)
            {
                foreach (var nested in Paragraphs(child))
                {
                    yield return nested;
                }
            }
        }
    }
}
