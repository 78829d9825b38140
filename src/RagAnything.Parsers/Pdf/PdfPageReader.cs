using System.Text;
using RagAnything.Content;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.Util;

namespace RagAnything.Parsing;

/// <summary>
/// Turns the letters of one PDF page into text blocks in reading order. Letters become words at spaces and wide gaps,
/// and the Docstrum algorithm groups words into lines and blocks. PdfPig's unsupervised reading order detector then
/// orders the blocks, reading a two-column page column by column.
/// </summary>
internal static class PdfPageReader
{
    // Segmentation runs on one thread because the ingestion pipeline already parses several documents at once, and
    // PdfPig's default (no limit on parallelism) would oversubscribe the machine.
    private static readonly DocstrumBoundingBoxes BlockSegmenter = new(
        new DocstrumBoundingBoxes.DocstrumBoundingBoxesOptions { MaxDegreeOfParallelism = 1 });

    /// <summary>Returns the page's text blocks as items, or an empty list when the page has no visible letters.</summary>
    /// <param name="page">The page to read.</param>
    /// <param name="pageIndex">The zero-based page index to put on the items.</param>
    public static List<ContentItem> Read(Page page, int pageIndex) =>
        ReadBlocks(ReadWords(page), pageIndex, page.MediaBox.Bounds).Cast<ContentItem>().ToList();

    /// <summary>Returns the page's words, split at spaces and wide gaps, or an empty list when it has no visible letters.</summary>
    public static List<Word> ReadWords(Page page)
    {
        var letters = page.Letters;
        if (!letters.Any(letter => !string.IsNullOrWhiteSpace(letter.Value)))
        {
            return [];
        }

        return WordGapSplitter.Split(DefaultWordExtractor.Instance.GetWords(letters))
            .Where(word => !string.IsNullOrWhiteSpace(word.Text))
            .ToList();
    }

    /// <summary>Groups words into text blocks and returns them as items in reading order.</summary>
    public static List<TextItem> ReadBlocks(IReadOnlyList<Word> words, int pageIndex, PdfRectangle pageBounds)
    {
        if (words.Count == 0)
        {
            return [];
        }

        var blocks = BlockSegmenter.GetBlocks(words);
        var ordered = UnsupervisedReadingOrderDetector.Instance.Get(blocks).OrderBy(block => block.ReadingOrder);

        var items = new List<TextItem>();
        foreach (var block in ordered)
        {
            var text = BlockText(block);
            if (text.Length > 0)
            {
                items.Add(new TextItem(text) { PageIndex = pageIndex, BoundingBox = ToTopLeftOrigin(block.BoundingBox, pageBounds) });
            }
        }

        return items;
    }

    /// <summary>
    /// Joins a block's lines into one paragraph. A line that ends in a hyphen after a letter and is followed by a line
    /// starting with a lowercase letter is treated as a hyphenated word and joined without the hyphen.
    /// </summary>
    internal static string BlockText(TextBlock block)
    {
        var builder = new StringBuilder();
        foreach (var line in block.TextLines)
        {
            var lineText = LineText(line);
            if (lineText.Length == 0)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                var hyphenated = builder.Length >= 2 && builder[^1] == '-' && char.IsLetter(builder[^2]) && char.IsLower(lineText[0]);
                if (hyphenated)
                {
                    builder.Length--;
                }
                else
                {
                    builder.Append(' ');
                }
            }

            builder.Append(lineText);
        }

        return TextCleaner.CollapseWhitespace(builder.ToString());
    }

    private static string LineText(TextLine line)
    {
        var words = line.Words
            .Select(word => TextCleaner.RemoveControlCharacters(TextCleaner.ExpandLigatures(word.Text)).Trim())
            .Where(word => word.Length > 0);
        return TextCleaner.CollapseWhitespace(string.Join(' ', words));
    }

    /// <summary>
    /// Converts a rectangle from PDF user space (origin at the bottom left of the media box, y upwards) to the content
    /// model's top-left origin. Corners are compared, so rotated text also yields a box with Left &lt;= Right.
    /// </summary>
    internal static BoundingBox ToTopLeftOrigin(PdfRectangle rectangle, PdfRectangle pageBounds)
    {
        var xs = new[] { rectangle.BottomLeft.X, rectangle.BottomRight.X, rectangle.TopLeft.X, rectangle.TopRight.X };
        var ys = new[] { rectangle.BottomLeft.Y, rectangle.BottomRight.Y, rectangle.TopLeft.Y, rectangle.TopRight.Y };
        var pageLeft = Math.Min(pageBounds.BottomLeft.X, pageBounds.TopRight.X);
        var pageTop = Math.Max(pageBounds.BottomLeft.Y, pageBounds.TopRight.Y);

        return new BoundingBox(
            Left: xs.Min() - pageLeft,
            Top: pageTop - ys.Max(),
            Right: xs.Max() - pageLeft,
            Bottom: pageTop - ys.Min());
    }
}
