using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace RagAnything.Parsing;

/// <summary>
/// Maps a cell's style index (<c>s</c>) to its number format, from the workbook's style sheet.
/// </summary>
internal sealed class XlsxStyles
{
    private readonly List<XlsxNumberFormat> _formatsByStyle = [];
    private readonly XlsxNumberFormat _general = XlsxNumberFormat.Parse("General");

    public XlsxStyles(WorkbookStylesPart? part)
    {
        var stylesheet = part?.Stylesheet;
        var customCodes = new Dictionary<uint, string>();
        foreach (var format in stylesheet?.NumberingFormats?.Elements<NumberingFormat>() ?? [])
        {
            if (format.NumberFormatId?.Value is { } id && format.FormatCode?.Value is { } code)
            {
                customCodes[id] = code;
            }
        }

        // Many styles share a few formats, so each code is parsed once.
        var parsed = new Dictionary<string, XlsxNumberFormat>(StringComparer.Ordinal);
        foreach (var cellFormat in stylesheet?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            var id = cellFormat.NumberFormatId?.Value ?? 0;
            var code = customCodes.TryGetValue(id, out var custom) ? custom : XlsxBuiltInFormats.CodeOf((int)Math.Min(id, int.MaxValue));
            if (!parsed.TryGetValue(code, out var format))
            {
                format = XlsxNumberFormat.Parse(code);
                parsed[code] = format;
            }

            _formatsByStyle.Add(format);
        }
    }

    public XlsxNumberFormat FormatOf(uint styleIndex) =>
        styleIndex < _formatsByStyle.Count ? _formatsByStyle[(int)styleIndex] : _general;
}
