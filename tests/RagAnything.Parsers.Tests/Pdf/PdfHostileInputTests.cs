using Microsoft.Extensions.Options;
using RagAnything.Content;
using RagAnything.Errors;
using RagAnything.Parsing;

namespace RagAnything.Parsers.Tests.Pdf;

/// <summary>
/// Cyclic, oversized and slow PDFs: each ends in a categorised result within the test timeout.
/// </summary>
public class PdfHostileInputTests
{
    private static readonly TimeSpan HangTimeout = TimeSpan.FromSeconds(30);

    public static TheoryData<string> CyclicPageTrees => ["tree", "kids"];

    [Theory]
    [MemberData(nameof(CyclicPageTrees))]
    public async Task CyclicPageTree_FailsPermanent(string cycle)
    {
        var bytes = cycle == "tree" ? CyclicPdfs.PageTreeContainsItself() : CyclicPdfs.KidsCycle();

        var error = await ParseFailureAsync(new PdfParser(), bytes);

        Assert.Equal("corrupt", error.Reason);
        Assert.Equal(ErrorCategory.Permanent, error.Category);
    }

    [Fact]
    public async Task ParentCycle_FailsPermanentWithoutOcr()
    {
        // PdfPig loses the page's inherited resources on the parent loop, so no text is read.
        var error = await ParseFailureAsync(new PdfParser(), CyclicPdfs.ParentCycle());

        Assert.Equal(ErrorCategory.Permanent, error.Category);
    }

    [Fact]
    public async Task SelfDrawingForm_TextReadOnce()
    {
        var document = await ParseAsync(new PdfParser(), CyclicPdfs.SelfDrawingForm());

        var text = Assert.Single(document.Items.OfType<TextItem>());
        Assert.Equal("Hello cycle", text.Text);
    }

    [Fact]
    public async Task OutlineLoop_PageTextStillRead()
    {
        // The parser never reads the outline; PdfPig 0.1.16's bookmark reader overflows the stack on this loop.
        var document = await ParseAsync(new PdfParser(), CyclicPdfs.OutlineLoop());

        Assert.Equal("Hello cycle", Assert.Single(document.Items.OfType<TextItem>()).Text);
    }

    [Fact]
    public async Task ValidHandWrittenPdf_Parses()
    {
        var document = await ParseAsync(new PdfParser(), CyclicPdfs.Valid());

        Assert.Equal("Hello cycle", Assert.Single(document.Items.OfType<TextItem>()).Text);
    }

    [Fact]
    public async Task OverPageLimit_FailsValidation()
    {
        var parser = new PdfParser(limits: Options.Create(new ParserLimitsOptions { MaxPages = 2 }));
        var source = await Corpus.LoadAsync("pdf_mtcars_table_3p.pdf");

        var error = await Assert.ThrowsAsync<DocumentParseException>(() => parser.ParseAsync(source, MediaTypes.Pdf).AsTask().WaitAsync(HangTimeout));

        Assert.Equal("too-many-pages", error.Reason);
        Assert.Equal(ErrorCategory.Validation, error.Category);
        Assert.Contains("MaxPages", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverSizeLimit_FailsValidation()
    {
        var parser = new PdfParser(limits: Options.Create(new ParserLimitsOptions { MaxInputBytes = 100 }));

        var error = await ParseFailureAsync(parser, CyclicPdfs.Valid());

        Assert.Equal("too-large", error.Reason);
        Assert.Equal(ErrorCategory.Validation, error.Category);
        Assert.Contains("MaxInputBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TinyTimeout_FailsWithTimeoutCategory()
    {
        var parser = new PdfParser(limits: Options.Create(new ParserLimitsOptions { ParseTimeout = TimeSpan.FromMilliseconds(1) }));
        var source = await Corpus.LoadAsync("pdf_chinese_half_year_report_95p.pdf");

        var error = await Assert.ThrowsAsync<DocumentParseException>(() => parser.ParseAsync(source, MediaTypes.Pdf).AsTask().WaitAsync(HangTimeout));

        Assert.Equal(ErrorCategory.Timeout, error.Category);
        Assert.Contains("ParserLimitsOptions.ParseTimeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidOptions_Rejected()
    {
        var options = Options.Create(new PdfParserOptions { RenderDpi = 10, OcrLanguages = "eng fra" });

        var error = Assert.Throws<OptionsValidationException>(() => new PdfParser(options));

        Assert.Equal(2, error.Failures.Count());
    }

    [Fact]
    public void PdfNamedDocx_SniffedAsPdfWithWarning()
    {
        var detection = new ContentSniffer().Inspect(new DocumentSource("report.docx", CyclicPdfs.Valid()));

        Assert.Equal(MediaTypes.Pdf, detection.MediaType);
        Assert.NotNull(detection.Warning);
        Assert.Contains("application/pdf", detection.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownBinary_SniffedAsOctetStream()
    {
        var detection = new ContentSniffer().Inspect(new DocumentSource("blob.bin", new byte[] { 0, 1, 2, 3, 0xFF, 0xFE, 0, 0, 9, 200 }));

        Assert.Equal(MediaTypes.OctetStream, detection.MediaType);
    }

    private static async Task<ParsedDocument> ParseAsync(PdfParser parser, byte[] bytes) =>
        await parser.ParseAsync(new DocumentSource("hostile.pdf", bytes), MediaTypes.Pdf).AsTask().WaitAsync(HangTimeout);

    private static async Task<DocumentParseException> ParseFailureAsync(PdfParser parser, byte[] bytes) =>
        await Assert.ThrowsAsync<DocumentParseException>(() => ParseAsync(parser, bytes));
}
