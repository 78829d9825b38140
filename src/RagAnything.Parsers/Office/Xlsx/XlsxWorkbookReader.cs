using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using RagAnything.Content;

namespace RagAnything.Parsing;

/// <summary>
/// Reads the sheets of a workbook in their tab order. Each worksheet's index is its page index and its name the page
/// label; chart sheets, charts and pictures on worksheets are skipped with a warning.
/// </summary>
internal static class XlsxWorkbookReader
{
    public static (List<ContentItem> Items, int SheetCount) Read(WorkbookPart workbookPart, OfficeParseContext context)
    {
        var workbook = workbookPart.Workbook;
        var sheets = workbook?.Sheets?.Elements<Sheet>().ToList() ?? [];
        var date1904 = workbook?.WorkbookProperties?.Date1904?.Value ?? false;

        var sharedStrings = XlsxSharedStrings.Read(workbookPart.SharedStringTablePart, context.CancellationToken);
        var cellText = new XlsxCellText(sharedStrings, new XlsxStyles(workbookPart.WorkbookStylesPart), date1904);
        var sheetReader = new XlsxSheetReader(cellText, context);

        var items = new List<ContentItem>();
        for (var sheetIndex = 0; sheetIndex < sheets.Count; sheetIndex++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();

            var sheet = sheets[sheetIndex];
            var name = sheet.Name?.Value ?? $"Sheet{sheetIndex + 1}";
            var part = sheet.Id?.Value is { } id && workbookPart.TryGetPartById(id, out var found) ? found : null;
            switch (part)
            {
                case WorksheetPart worksheet:
                    sheetReader.Read(worksheet, sheetIndex, name, items);
                    WarnAboutDrawings(worksheet, name, context);
                    break;
                case ChartsheetPart:
                    context.Warn($"chart sheet '{name}' was skipped: charts in workbooks are not read");
                    break;
                default:
                    context.Warn($"sheet '{name}' was skipped: it is not a worksheet or its part is missing");
                    break;
            }
        }

        return (items, sheets.Count);
    }

    private static void WarnAboutDrawings(WorksheetPart worksheet, string sheetName, OfficeParseContext context)
    {
        var drawings = worksheet.DrawingsPart;
        if (drawings is null)
        {
            return;
        }

        // TODO: read pictures on worksheets as image items; only their count is reported today.
        var charts = drawings.ChartParts.Count();
        var pictures = drawings.ImageParts.Count();
        if (charts > 0)
        {
            context.Warn($"sheet '{sheetName}': {charts} charts were skipped");
        }

        if (pictures > 0)
        {
            context.Warn($"sheet '{sheetName}': {pictures} pictures were skipped");
        }
    }
}
