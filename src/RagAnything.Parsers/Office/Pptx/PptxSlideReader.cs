using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using RagAnything.Content;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace RagAnything.Parsing;

/// <summary>
/// Reads one slide: the title placeholder as a level-1 heading, text frames as paragraphs and list items, tables,
/// charts (as tables of their cached data), pictures, and the speaker notes as footnotes.
/// </summary>
internal sealed class PptxSlideReader(OfficeParseContext context)
{
    public void Read(SlidePart slidePart, int slideIndex, List<ContentItem> items)
    {
        var shapeTree = slidePart.Slide?.CommonSlideData?.ShapeTree;
        if (shapeTree is null)
        {
            return;
        }

        // The title comes first whatever its position in the shape tree, so that every item below it can carry it.
        var title = FindTitle(shapeTree);
        IReadOnlyList<string> headingPath = title is null ? [] : [title.Value.Text];
        if (title is not null)
        {
            items.Add(new TextItem(title.Value.Text) { Role = TextRole.Heading, HeadingLevel = 1, PageIndex = slideIndex });
        }

        var slide = new SlideState(slidePart, slideIndex, headingPath, title?.Shape, items);
        ReadShapes(shapeTree, slide);
        ReadNotes(slidePart, slide);
    }

    private void ReadShapes(OpenXmlElement container, SlideState slide)
    {
        foreach (var element in container.ChildElements)
        {
            switch (element)
            {
                case P.Shape shape when !ReferenceEquals(shape, slide.TitleShape):
                    ReadTextShape(shape, slide);
                    break;
                case P.GraphicFrame frame:
                    ReadGraphicFrame(frame, slide);
                    break;
                case P.Picture picture:
                    ReadPicture(picture, slide);
                    break;
                case P.GroupShape group:
                    ReadShapes(group, slide);
                    break;
                case AlternateContent alternate when alternate.GetFirstChild<AlternateContentChoice>() is { } choice:
                    ReadShapes(choice, slide);
                    break;
            }
        }
    }

    private static void ReadTextShape(P.Shape shape, SlideState slide)
    {
        var placeholder = PlaceholderOf(shape);
        if (placeholder?.Type?.Value is { } type && (type == P.PlaceholderValues.SlideNumber || type == P.PlaceholderValues.DateAndTime || type == P.PlaceholderValues.Footer))
        {
            // Slide numbers, dates and footers repeat on every slide and carry no content.
            return;
        }

        // Body and content placeholders inherit bullets from the master; subtitles and free text boxes do not.
        var inheritsBullets = placeholder is not null
            && (placeholder.Type is null || placeholder.Type.Value == P.PlaceholderValues.Body || placeholder.Type.Value == P.PlaceholderValues.Object);

        foreach (var paragraph in shape.TextBody?.Elements<A.Paragraph>() ?? [])
        {
            var text = DocxText.Normalize(PptxText.ParagraphText(paragraph));
            if (text.Length > 0)
            {
                var role = PptxText.IsBullet(paragraph, inheritsBullets) ? TextRole.ListItem : TextRole.Paragraph;
                slide.Add(new TextItem(text) { Role = role });
            }
        }
    }

    private void ReadGraphicFrame(P.GraphicFrame frame, SlideState slide)
    {
        var data = frame.Graphic?.GraphicData;
        if (data?.GetFirstChild<A.Table>() is { } table)
        {
            var (rows, headerRowCount) = PptxTableReader.Read(table);
            if (rows.Count > 0)
            {
                slide.Add(new TableItem(rows) { HeaderRowCount = Math.Min(headerRowCount, rows.Count) });
            }

            return;
        }

        var chartId = data?.Descendants().FirstOrDefault(element => element.LocalName == "chart")?
            .GetAttributes().FirstOrDefault(attribute => attribute.LocalName == "id").Value;
        if (chartId is not null && slide.Part.TryGetPartById(chartId, out var part) && part is ChartPart chartPart)
        {
            var chartTable = ChartTableReader.Read(chartPart);
            if (chartTable is null)
            {
                context.Warn($"slide {slide.Index + 1}: a chart without cached data was skipped");
                return;
            }

            slide.Add(chartTable);
        }
    }

    private void ReadPicture(P.Picture picture, SlideState slide)
    {
        var properties = picture.NonVisualPictureProperties?.NonVisualDrawingProperties;
        var relationshipId = picture.BlipFill?.Blip?.Embed?.Value;
        var part = relationshipId is not null && slide.Part.TryGetPartById(relationshipId, out var found) ? found : null;

        var altText = DocxText.Normalize(string.Join(" ", new[] { properties?.Title?.Value, properties?.Description?.Value }.Where(value => !string.IsNullOrWhiteSpace(value)).Distinct()));
        var extents = picture.ShapeProperties?.Transform2D?.Extents;
        var image = new ImageItem
        {
            AltText = altText.Length == 0 ? null : altText,
            Width = (int)((extents?.Cx?.Value ?? 0) / 9525),
            Height = (int)((extents?.Cy?.Value ?? 0) / 9525),
            PageIndex = slide.Index,
            HeadingPath = slide.HeadingPath,
        };
        context.AddImage(slide.Items, image, part);
    }

    private static void ReadNotes(SlidePart slidePart, SlideState slide)
    {
        var notesTree = slidePart.NotesSlidePart?.NotesSlide?.CommonSlideData?.ShapeTree;
        foreach (var shape in notesTree?.Elements<P.Shape>() ?? [])
        {
            // The notes text is the body placeholder; the others hold the slide image and the slide number.
            if (PlaceholderOf(shape)?.Type?.Value != P.PlaceholderValues.Body)
            {
                continue;
            }

            var text = DocxText.Normalize(string.Join(" ", shape.TextBody?.Elements<A.Paragraph>().Select(PptxText.ParagraphText) ?? []));
            if (text.Length > 0)
            {
                slide.Add(new TextItem(text) { Role = TextRole.Footnote });
            }
        }
    }

    private static (P.Shape Shape, string Text)? FindTitle(P.ShapeTree shapeTree)
    {
        foreach (var shape in shapeTree.Descendants<P.Shape>())
        {
            var type = PlaceholderOf(shape)?.Type?.Value;
            if (type == P.PlaceholderValues.Title || type == P.PlaceholderValues.CenteredTitle)
            {
                var text = DocxText.Normalize(string.Join(" ", shape.TextBody?.Elements<A.Paragraph>().Select(PptxText.ParagraphText) ?? []));
                if (text.Length > 0)
                {
                    return (shape, text);
                }
            }
        }

        return null;
    }

    private static P.PlaceholderShape? PlaceholderOf(P.Shape shape) =>
        shape.NonVisualShapeProperties?.ApplicationNonVisualDrawingProperties?.PlaceholderShape;

    /// <summary>The slide being read and the items collected for it.</summary>
    private sealed record SlideState(SlidePart Part, int Index, IReadOnlyList<string> HeadingPath, P.Shape? TitleShape, List<ContentItem> Items)
    {
        public void Add(ContentItem item) => Items.Add(item with { PageIndex = Index, HeadingPath = HeadingPath });
    }
}
