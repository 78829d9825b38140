using Microsoft.Extensions.Logging;
using RagAnything.Content;

namespace RagAnything.Parsing;

/// <summary>
/// Reads pages without a text layer by OCR: the page is rendered with pdftoppm, or, when rendering fails, its
/// largest embedded image is used, and the recognised text becomes one paragraph item per block of lines.
/// </summary>
internal sealed class PdfScannedPageReader(ITextRecognizer recognizer, string languages, ILogger logger)
{
    /// <summary>Returns the page's paragraphs, or null with a reason when neither a render nor an image could be read.</summary>
    public async Task<(List<ContentItem>? Items, string? Failure)> ReadAsync(
        PdfPageRenderer renderer,
        PdfPageContent page,
        string sourceName,
        CancellationToken cancellationToken)
    {
        var pageNumber = page.PageIndex + 1;
        var (image, failure) = await renderer.RenderAsync(pageNumber, cancellationToken).ConfigureAwait(false);
        if (image is null)
        {
            Log.PageRenderFailed(logger, sourceName, pageNumber, failure ?? "unknown");
            image = page.Images.OrderByDescending(candidate => candidate.Area).FirstOrDefault()?.Bytes;
            if (image is null)
            {
                return (null, failure);
            }
        }

        var result = await recognizer.RecognizeAsync(image, languages, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return (null, result.Message);
        }

        return (ToParagraphs(result.Text, page.PageIndex), null);
    }

    /// <summary>Splits OCR output at blank lines and joins each block's lines, undoing hyphenation at line ends.</summary>
    internal static List<ContentItem> ToParagraphs(string text, int pageIndex)
    {
        var items = new List<ContentItem>();
        foreach (var block in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var joined = string.Empty;
            foreach (var line in block.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0))
            {
                var hyphenated = joined.Length >= 2 && joined[^1] == '-' && char.IsLetter(joined[^2]) && char.IsLower(line[0]);
                if (joined.Length == 0)
                {
                    joined = line;
                }
                else if (hyphenated)
                {
                    joined = joined[..^1] + line;
                }
                else
                {
                    joined += " " + line;
                }
            }

            var cleaned = TextCleaner.CollapseWhitespace(joined);
            if (cleaned.Length > 0)
            {
                items.Add(new TextItem(cleaned) { PageIndex = pageIndex });
            }
        }

        return items;
    }
}
