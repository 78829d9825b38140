using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using RagAnything.Content;
using A = DocumentFormat.OpenXml.Drawing;
using V = DocumentFormat.OpenXml.Vml;
using Wp = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace RagAnything.Parsing;

/// <summary>
/// Turns a Word drawing (<c>w:drawing</c>) or legacy VML picture (<c>w:pict</c>) into an image item, or a chart into a
/// table item. The caller sets the page index and heading path.
/// </summary>
internal static class DocxDrawingReader
{
    // DrawingML sizes are in English Metric Units: 914,400 per inch, so 9,525 per pixel at 96 DPI.
    private const long EmusPerPixel = 9525;

    public static void Read(OpenXmlElement drawing, MainDocumentPart mainPart, OfficeParseContext context, Action<ContentItem, OpenXmlPart?> emit)
    {
        if (TryReadChart(drawing, mainPart, emit))
        {
            return;
        }

        var relationshipId = drawing.Descendants<A.Blip>().FirstOrDefault()?.Embed?.Value
            ?? drawing.Descendants<V.ImageData>().FirstOrDefault()?.RelationshipId?.Value;
        if (relationshipId is null)
        {
            // Shapes and text boxes have no picture, and their text was already read with the paragraph.
            return;
        }

        var part = TryGetPart(mainPart, relationshipId);
        if (part is null)
        {
            context.Warn($"a picture refers to the missing relationship '{relationshipId}' and has no bytes");
        }

        var properties = drawing.Descendants<Wp.DocProperties>().FirstOrDefault();
        var extent = drawing.Descendants<Wp.Extent>().FirstOrDefault();
        var image = new ImageItem
        {
            AltText = AltText(properties?.Description?.Value, properties?.Title?.Value),
            Width = (int)((extent?.Cx?.Value ?? 0) / EmusPerPixel),
            Height = (int)((extent?.Cy?.Value ?? 0) / EmusPerPixel),
        };
        emit(image, part);
    }

    private static bool TryReadChart(OpenXmlElement drawing, MainDocumentPart mainPart, Action<ContentItem, OpenXmlPart?> emit)
    {
        var chartReference = drawing.Descendants().FirstOrDefault(element => element.LocalName == "chart" && element.NamespaceUri == "http://schemas.openxmlformats.org/drawingml/2006/chart");
        var relationshipId = chartReference?.GetAttributes().FirstOrDefault(attribute => attribute.LocalName == "id").Value;
        if (relationshipId is null || TryGetPart(mainPart, relationshipId) is not ChartPart chartPart)
        {
            return false;
        }

        var table = ChartTableReader.Read(chartPart);
        if (table is not null)
        {
            emit(table, null);
        }

        return true;
    }

    private static OpenXmlPart? TryGetPart(MainDocumentPart mainPart, string relationshipId) =>
        mainPart.TryGetPartById(relationshipId, out var part) ? part : null;

    private static string? AltText(string? description, string? title)
    {
        var text = DocxText.Normalize(string.Join(" ", new[] { title, description }.Where(value => !string.IsNullOrWhiteSpace(value)).Distinct()));
        return text.Length == 0 ? null : text;
    }
}
