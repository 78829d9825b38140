using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using RagAnything.Content;
using RagAnything.Errors;
using RagAnything.Parsing;
using Xunit.Abstractions;

namespace RagAnything.Parsers.Tests.Pdf;

/// <summary>
/// Scanned PDFs read with the real pdftoppm (poppler-utils) and tesseract (tesseract-ocr, tesseract-ocr-fra).
/// </summary>
public class PdfOcrTests(ITestOutputHelper output)
{
    private static readonly TimeSpan OcrTimeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task ScannedFrenchBrochure_FrenchWordsRecognised()
    {
        var document = await ParseAsync("pdf_scanned_french_brochure_2p.pdf", "eng+fra");

        var text = string.Join("\n", document.Items.OfType<TextItem>().Select(item => item.Text));
        Assert.Contains("cartes de visite", text, StringComparison.Ordinal);
        Assert.Contains("Numérisez", text, StringComparison.Ordinal);
        Assert.Contains("données", text, StringComparison.Ordinal);
        Assert.Equal([0, 1], document.Items.Select(item => item.PageIndex).Distinct().Order());
        Assert.Contains("page 1 was OCR'd", document.Warnings);
        Assert.Contains("page 2 was OCR'd", document.Warnings);
    }

    [Fact]
    public async Task ScannedTable_GroundTruthCellsRecovered()
    {
        var document = await ParseAsync("pdf_scanned_table_image_only.pdf", null);
        var text = Normalize(string.Join(" ", document.Items.OfType<TextItem>().Select(item => item.Text)));

        var cells = (await File.ReadAllLinesAsync(Corpus.PathOf("csv_table_multirow_ground_truth.csv")))
            .SelectMany(SplitCsvLine)
            .Select(Normalize)
            .Where(cell => cell.Length > 0)
            .ToList();
        var recovered = cells.Count(cell => text.Contains(cell, StringComparison.Ordinal));
        output.WriteLine($"OCR recovered {recovered} of {cells.Count} ground-truth cells.");

        // Measured with tesseract 5 at 300 dpi; the threshold leaves room for engine versions that misread a cell.
        Assert.True(recovered >= cells.Count * 0.6, $"OCR recovered {recovered} of {cells.Count} cells.");
        Assert.Contains("Low Vision", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScannedPdf_NoRecognizer_FailsNamingTesseract()
    {
        var source = await Corpus.LoadAsync("pdf_scanned_table_image_only.pdf");

        var error = await Assert.ThrowsAsync<DocumentParseException>(() => new PdfParser().ParseAsync(source, MediaTypes.Pdf).AsTask());

        Assert.Equal("no-text-layer", error.Reason);
        Assert.Equal(ErrorCategory.Permanent, error.Category);
        Assert.Contains("tesseract", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OcrParagraphs_SplitAtBlankLines()
    {
        var items = PdfScannedPageReader.ToParagraphs("Premier para-\ngraphe ici\n\nSecond", 3);

        Assert.Equal(["Premier paragraphe ici", "Second"], items.Cast<TextItem>().Select(item => item.Text));
        Assert.All(items, item => Assert.Equal(3, item.PageIndex));
    }

    private static async Task<ParsedDocument> ParseAsync(string name, string? languages)
    {
        var parser = new PdfParser(Options.Create(new PdfParserOptions { OcrLanguages = languages }), textRecognizer: new TesseractTextRecognizer());
        return await parser.ParseAsync(await Corpus.LoadAsync(name), MediaTypes.Pdf).AsTask().WaitAsync(OcrTimeout);
    }

    private static string Normalize(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    private static IEnumerable<string> SplitCsvLine(string line) =>
        Regex.Matches(line, "(?:^|,)(\"(?:[^\"]|\"\")*\"|[^,]*)").Select(match => match.Groups[1].Value.Trim('"'));
}
