using RagAnything.Content;
using UglyToad.PdfPig.Content;

namespace RagAnything.Parsing;

/// <summary>
/// Reads one page into items: tables first (their words are then left out of the text), text blocks in reading
/// order, embedded images, and captions moved onto the image or table they describe.
/// </summary>
internal sealed class PdfPageAssembler(PdfParserOptions options, PdfImageExtractor imageExtractor)
{
    public PdfPageContent Read(Page page, int pageIndex, string sourceName, PdfImageBudget budget)
    {
        var pageBounds = page.MediaBox.Bounds;
        var words = PdfPageReader.ReadWords(page);

        var tables = options.DetectTables && words.Count > 0 ? FindTables(page, words) : [];
        var tableWords = tables.SelectMany(table => table.Words).Select(word => word.Word).ToHashSet();
        var textItems = PdfPageReader.ReadBlocks(words.Where(word => !tableWords.Contains(word)).ToList(), pageIndex, pageBounds);

        var images = imageExtractor.Extract(page, pageIndex, sourceName, budget);

        var placed = new List<ContentItem>();
        placed.AddRange(tables.Select(table => new TableItem(table.Rows)
        {
            PageIndex = pageIndex,
            BoundingBox = PdfPageReader.ToTopLeftOrigin(table.Bounds, pageBounds),
        }));
        placed.AddRange(images.Select(image => image.Item));

        var items = PdfCaptionLinker.Link(Interleave(textItems, placed));
        return new PdfPageContent(pageIndex, items, images, words.Count > 0);
    }

    private static List<PdfTableRegion> FindTables(Page page, List<Word> words)
    {
        var layoutWords = words.Select(PdfLayoutWord.From).Where(word => word.Text.Length > 0).ToList();
        var rows = PdfRowBuilder.Build(layoutWords, PdfRulingLines.FromPage(page));
        return PdfTableDetector.Detect(rows);
    }

    /// <summary>
    /// Puts each table and image before the first text block that starts below its top edge, so the reading order
    /// of text is kept and the others appear where they sit on the page.
    /// </summary>
    private static List<ContentItem> Interleave(List<TextItem> textItems, List<ContentItem> placed)
    {
        var result = new List<ContentItem>(textItems);
        foreach (var item in placed.OrderBy(item => item.BoundingBox?.Top ?? double.MaxValue))
        {
            var top = item.BoundingBox?.Top ?? double.MaxValue;
            var index = result.FindIndex(existing => existing is TextItem && (existing.BoundingBox?.Top ?? 0) > top);
            result.Insert(index < 0 ? result.Count : index, item);
        }

        return result;
    }
}
