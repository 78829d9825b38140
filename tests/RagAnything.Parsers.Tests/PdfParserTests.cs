using System.Text.RegularExpressions;
using RagAnything.Content;
using RagAnything.Errors;
using RagAnything.Parsing;

namespace RagAnything.Parsers.Tests;

public class PdfParserTests
{
    private readonly PdfParser _parser = new();

    [Fact]
    public async Task Parse_DamagedCfr_RecoversAllPages()
    {
        var document = await ParseAsync("pdf_us_cfr_2col_damaged_19p.pdf");

        Assert.Equal(19, document.PageCount);
        Assert.Equal("19", document.Metadata["pageCount"]);
        Assert.Equal(Enumerable.Range(0, 19), document.Items.Select(item => item.PageIndex).Distinct().Order());
        Assert.Contains(TextsOnPage(document, 0), text => text.Contains("Drug Enforcement Administration", StringComparison.Ordinal));
        Assert.Empty(document.Warnings);
    }

    [Fact]
    public async Task Parse_TwoColumnPaper_TitleOnFirstPage()
    {
        var document = await ParseAsync("pdf_dpr_paper_2col_13p.pdf");

        Assert.Equal(13, document.PageCount);
        Assert.Equal("Dense Passage Retrieval for Open-Domain Question Answering", TextsOnPage(document, 0).First());
    }

    [Fact]
    public async Task Parse_TwoColumnPaper_NoGluedWords()
    {
        var document = await ParseAsync("pdf_dpr_paper_2col_13p.pdf");
        var text = AllText(document);

        var longWords = Regex.Matches(text, @"\p{L}{41,}").Select(match => match.Value).ToList();
        Assert.Empty(longWords);
        Assert.DoesNotContain("  ", text, StringComparison.Ordinal);
        Assert.Contains("Open-domain question answering relies on efficient passage retrieval", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pdf_plos_one_article_14p.pdf")]
    [InlineData("pdf_naive_bayes_icml03_8p.pdf")]
    [InlineData("pdf_faa_handbook_page_images.pdf")]
    public async Task Parse_ArticleLayouts_NoGluedWords(string name)
    {
        var document = await ParseAsync(name);

        var longWords = Regex.Matches(AllText(document), @"\p{L}{41,}").Select(match => match.Value).ToList();
        Assert.Empty(longWords);
    }

    [Fact]
    public async Task Parse_TwoColumnPaper_LeftColumnBeforeRight()
    {
        var document = await ParseAsync("pdf_dpr_paper_2col_13p.pdf");
        var firstPage = TextsOnPage(document, 0).ToList();

        var introduction = firstPage.FindIndex(text => text.StartsWith("Open-domain question answering (QA)", StringComparison.Ordinal));
        var rightColumn = firstPage.FindIndex(text => text.StartsWith("Retrieval in open-domain QA is usually implemented", StringComparison.Ordinal));
        Assert.True(introduction >= 0, "The introduction paragraph was not found on page 1.");
        Assert.True(rightColumn > introduction, $"Introduction at {introduction}, right column at {rightColumn}.");
    }

    [Theory]
    [InlineData("pdf_dpr_paper_2col_13p.pdf")]
    [InlineData("pdf_plos_one_article_14p.pdf")]
    [InlineData("pdf_naive_bayes_icml03_8p.pdf")]
    [InlineData("pdf_french_olap_12p.pdf")]
    public async Task Parse_Articles_LigaturesExpanded(string name)
    {
        var document = await ParseAsync(name);
        var text = AllText(document);

        Assert.False(text.AsSpan().ContainsAnyInRange('\uFB00', '\uFB06'), "A ligature character was left in the text.");
        Assert.False(text.AsSpan().ContainsAnyInRange('\0', '\u0008'), "A control character was left in the text.");
    }

    [Fact]
    public async Task Parse_Paper_BoundingBoxesTopLeftOrigin()
    {
        var document = await ParseAsync("pdf_dpr_paper_2col_13p.pdf");

        var title = document.Items[0];
        Assert.NotNull(title.BoundingBox);
        var box = title.BoundingBox.Value;
        Assert.True(box.Left < box.Right, $"Box {box} has Left >= Right.");
        Assert.True(box.Top < box.Bottom, $"Box {box} has Top >= Bottom.");

        // The title sits near the top of a US Letter page (792 points high).
        Assert.InRange(box.Top, 0, 150);
        Assert.All(document.Items, item => Assert.InRange(item.BoundingBox!.Value.Bottom, 0, 800));
    }

    [Fact]
    public async Task Parse_Metadata_TitleAndAuthor()
    {
        var document = await ParseAsync("pdf_naive_bayes_icml03_8p.pdf");

        Assert.Equal("Tackling the Poor Assumptions of Naive Bayes Text Classifiers", document.Metadata["title"]);
        Assert.StartsWith("Jason D. Rennie", document.Metadata["author"], StringComparison.Ordinal);
        Assert.Equal("8", document.Metadata["pageCount"]);
    }

    [Fact]
    public async Task Parse_LongCjkReport_AllPages()
    {
        var document = await ParseAsync("pdf_chinese_half_year_report_95p.pdf");

        Assert.Equal(95, document.PageCount);
        Assert.Contains("公司", AllText(document), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_FrenchPaper_AccentsKept()
    {
        var document = await ParseAsync("pdf_french_olap_12p.pdf");

        Assert.Contains("requêtes", AllText(document), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_EncryptedPdf_ThrowsPasswordRequired()
    {
        var error = await ParseFailureAsync("pdf_encrypted_password_1234.pdf");

        Assert.Equal("password-required", error.Reason);
        Assert.Equal(ErrorCategory.Permanent, error.Category);
        Assert.Contains("encrypted", error.Message, StringComparison.Ordinal);
        Assert.Contains("password", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pdf_scanned_french_brochure_2p.pdf")]
    [InlineData("pdf_scanned_table_image_only.pdf")]
    public async Task Parse_ScannedPdf_ThrowsNoTextLayer(string name)
    {
        var error = await ParseFailureAsync(name);

        Assert.Equal("no-text-layer", error.Reason);
        Assert.Equal(ErrorCategory.Permanent, error.Category);
        Assert.Contains("OCR", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_PageWithoutText_SkippedWithWarning()
    {
        // Page 1 of this sample is the cover, an image with no letters.
        var document = await ParseAsync("pdf_ibm_redbook_rcac_18p.pdf");

        var warning = Assert.Single(document.Warnings);
        Assert.Matches(@"^page \d+ has no text layer \(OCR not available\)$", warning);
        var pageNumber = int.Parse(Regex.Match(warning, @"\d+").Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.DoesNotContain(document.Items, item => item.PageIndex == pageNumber - 1);
    }

    [Fact]
    public async Task Parse_CancelledToken_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var source = await Corpus.LoadAsync("pdf_uk_planning_policy_76p.pdf");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _parser.ParseAsync(source, MediaTypes.Pdf, cancellation.Token).AsTask());
    }

    private async Task<ParsedDocument> ParseAsync(string name) =>
        await _parser.ParseAsync(await Corpus.LoadAsync(name), MediaTypes.Pdf).AsTask().WaitAsync(Corpus.ParseTimeout);

    private async Task<DocumentParseException> ParseFailureAsync(string name)
    {
        var source = await Corpus.LoadAsync(name);
        return await Assert.ThrowsAsync<DocumentParseException>(
            () => _parser.ParseAsync(source, MediaTypes.Pdf).AsTask().WaitAsync(Corpus.ParseTimeout));
    }

    private static IEnumerable<string> TextsOnPage(ParsedDocument document, int pageIndex) =>
        document.Items.Where(item => item.PageIndex == pageIndex).OfType<TextItem>().Select(item => item.Text);

    private static string AllText(ParsedDocument document) =>
        string.Join("\n", document.Items.OfType<TextItem>().Select(item => item.Text));
}
