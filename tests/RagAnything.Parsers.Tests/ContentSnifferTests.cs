using System.Text;
using RagAnything.Parsing;

namespace RagAnything.Parsers.Tests;

public class ContentSnifferTests
{
    private readonly ContentSniffer _sniffer = new();

    [Theory]
    [InlineData("csv_customers.csv", MediaTypes.Csv)]
    [InlineData("csv_table_multirow_ground_truth.csv", MediaTypes.Csv)]
    [InlineData("docx_equations_omml.docx", MediaTypes.Docx)]
    [InlineData("docx_lorem_tables_images.docx", MediaTypes.Docx)]
    [InlineData("docx_rich_tables_spec.docx", MediaTypes.Docx)]
    [InlineData("docx_table_and_image.docx", MediaTypes.Docx)]
    [InlineData("html_sec_10k_tables.html", MediaTypes.Html)]
    [InlineData("html_wikipedia_duck.html", MediaTypes.Html)]
    [InlineData("img_chinese_text.jpeg", MediaTypes.Jpeg)]
    [InlineData("img_english_korean_text.png", MediaTypes.Png)]
    [InlineData("img_paper_page_with_table.jpg", MediaTypes.Jpeg)]
    [InlineData("img_poster_ocr.jpg", MediaTypes.Jpeg)]
    [InlineData("img_table_multirow.png", MediaTypes.Png)]
    [InlineData("md_readme_tables_code.md", MediaTypes.Markdown)]
    [InlineData("md_wikipedia_ibm.md", MediaTypes.Markdown)]
    [InlineData("pdf_arabic_rtl_1p.pdf", MediaTypes.Pdf)]
    [InlineData("pdf_chinese_half_year_report_95p.pdf", MediaTypes.Pdf)]
    [InlineData("pdf_code_and_formula_2p.pdf", MediaTypes.Pdf)]
    [InlineData("pdf_dpr_paper_2col_13p.pdf", MediaTypes.Pdf)]
    [InlineData("pdf_encrypted_password_1234.pdf", MediaTypes.Pdf)]
    [InlineData("pdf_faa_handbook_page_images.pdf", MediaTypes.Pdf)]
    [InlineData("pdf_french_olap_12p.pdf", MediaTypes.Pdf)]
    [InlineData("pdf_ibm_redbook_rcac_18p.pdf", MediaTypes.Pdf)]
    [InlineData("pdf_korean_report_4p.pdf", MediaTypes.Pdf)]
    [InlineData("pdf_mtcars_table_3p.pdf", MediaTypes.Pdf)]
    [InlineData("pdf_naive_bayes_icml03_8p.pdf", MediaTypes.Pdf)]
    [InlineData("pdf_plos_one_article_14p.pdf", MediaTypes.Pdf)]
    [InlineData("pdf_scanned_french_brochure_2p.pdf", MediaTypes.Pdf)]
    [InlineData("pdf_scanned_table_image_only.pdf", MediaTypes.Pdf)]
    [InlineData("pdf_uk_planning_policy_76p.pdf", MediaTypes.Pdf)]
    [InlineData("pdf_us_cfr_2col_damaged_19p.pdf", MediaTypes.Pdf)]
    [InlineData("pdf_wikipedia_tables_4p.pdf", MediaTypes.Pdf)]
    [InlineData("pptx_charts.pptx", MediaTypes.Pptx)]
    [InlineData("pptx_slides_with_images.pptx", MediaTypes.Pptx)]
    [InlineData("pptx_table_footnote.pptx", MediaTypes.Pptx)]
    [InlineData("txt_french_moliere_cp1252.txt", MediaTypes.PlainText)]
    [InlineData("txt_utf16le_bom.txt", MediaTypes.PlainText)]
    [InlineData("txt_wikipedia_norwich_city.txt", MediaTypes.PlainText)]
    [InlineData("xlsx_financial_segments_5sheets.xlsx", MediaTypes.Xlsx)]
    [InlineData("xlsx_four_sheets_charts_image.xlsx", MediaTypes.Xlsx)]
    public async Task Sniff_CorpusFile_ReturnsExpectedType(string name, string expected)
    {
        var result = _sniffer.Sniff(await Corpus.LoadAsync(name));

        Assert.Equal(expected, result.MediaType);
        Assert.False(result.IsMismatch);
        Assert.Null(result.MismatchWarning);
    }

    [Fact]
    public void Sniff_CorpusFiles_AllCovered()
    {
        // Every corpus file except the manifest must appear in the table above, so a new file is not silently skipped.
        var covered = typeof(ContentSnifferTests).GetMethod(nameof(Sniff_CorpusFile_ReturnsExpectedType))!
            .GetCustomAttributes(typeof(InlineDataAttribute), inherit: false)
            .Cast<InlineDataAttribute>()
            .Select(data => (string)data.GetData(null!).Single()[0])
            .ToHashSet();
        var names = Corpus.Files().Select(path => Path.GetFileName(path)).Where(name => name != "MANIFEST.md").ToList();

        Assert.Equal(40, names.Count);
        Assert.All(names, name => Assert.Contains(name, covered));
    }

    [Fact]
    public async Task Sniff_PdfNamedDocx_ContentWins()
    {
        var pdf = await Corpus.LoadAsync("pdf_mtcars_table_3p.pdf");
        var renamed = new DocumentSource("report.docx", pdf.Content);

        var result = _sniffer.Sniff(renamed);

        Assert.Equal(MediaTypes.Pdf, result.MediaType);
        Assert.Equal(MediaTypes.Docx, result.ExtensionMediaType);
        Assert.True(result.IsMismatch);
        Assert.Contains(MediaTypes.Docx, result.MismatchWarning, StringComparison.Ordinal);
        Assert.Equal(MediaTypes.Pdf, _sniffer.Detect(renamed));
    }

    [Fact]
    public void Detect_RandomBytes_ReturnsOctetStream()
    {
        var bytes = new byte[4096];
        new Random(1234).NextBytes(bytes);

        Assert.Equal(MediaTypes.OctetStream, _sniffer.Detect(new DocumentSource("data.txt", bytes)));
    }

    [Fact]
    public void Detect_PdfHeaderAfterJunk_ReturnsPdf()
    {
        var bytes = Encoding.ASCII.GetBytes(new string('x', 500) + "%PDF-1.7\n");

        Assert.Equal(MediaTypes.Pdf, _sniffer.Detect(new DocumentSource("scan.bin", bytes)));
    }

    [Fact]
    public void Detect_HtmlWithTxtExtension_ReturnsHtml()
    {
        var bytes = Encoding.UTF8.GetBytes("  <!DOCTYPE html><html><body>Hi</body></html>");

        Assert.Equal(MediaTypes.Html, _sniffer.Detect(new DocumentSource("page.txt", bytes)));
    }

    [Theory]
    [InlineData("notes.md", MediaTypes.Markdown)]
    [InlineData("notes.markdown", MediaTypes.Markdown)]
    [InlineData("table.tsv", MediaTypes.Tsv)]
    [InlineData("notes", MediaTypes.PlainText)]
    [InlineData("notes.pdf", MediaTypes.PlainText)]
    public void Detect_TextByExtension_ReturnsTextType(string name, string expected)
    {
        var bytes = Encoding.UTF8.GetBytes("# Title\n\nSome text, with\ttabs.\n");

        Assert.Equal(expected, _sniffer.Detect(new DocumentSource(name, bytes)));
    }

    [Fact]
    public void Detect_Windows1252Text_ReturnsPlainText()
    {
        var bytes = Encoding.Latin1.GetBytes("Le th\u00e9\u00e2tre de Moli\u00e8re, \u00abun g\u00e9nie\u00bb.");

        Assert.Equal(MediaTypes.PlainText, _sniffer.Detect(new DocumentSource("moliere", bytes)));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x41, 0x00 })]
    [InlineData(new byte[] { 0xFE, 0xFF, 0x00, 0x41 })]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00 })]
    [InlineData(new byte[] { 0x00, 0x00, 0xFE, 0xFF, 0x00, 0x00, 0x00, 0x41 })]
    public void Detect_UnicodeByteOrderMark_ReturnsPlainText(byte[] bytes)
    {
        Assert.Equal(MediaTypes.PlainText, _sniffer.Detect(new DocumentSource("unknown", bytes)));
    }

    [Theory]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00 }, MediaTypes.Gif)]
    [InlineData(new byte[] { 0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00 }, MediaTypes.Tiff)]
    [InlineData(new byte[] { 0x4D, 0x4D, 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08 }, MediaTypes.Tiff)]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 0x10, 0x00, 0x00, 0x00, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50 }, MediaTypes.WebP)]
    [InlineData(new byte[] { 0x42, 0x4D, 0x3A, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x36, 0x00, 0x00, 0x00, 0x28, 0x00, 0x00, 0x00, 0x01, 0x00 }, MediaTypes.Bmp)]
    public void Detect_ImageSignature_ReturnsImageType(byte[] bytes, string expected)
    {
        Assert.Equal(expected, _sniffer.Detect(new DocumentSource("image", bytes)));
    }

    [Fact]
    public void Detect_TextStartingWithBm_ReturnsPlainText()
    {
        var bytes = Encoding.ASCII.GetBytes("BMW and Audi are car makers.\n");

        Assert.Equal(MediaTypes.PlainText, _sniffer.Detect(new DocumentSource("cars.txt", bytes)));
    }

    [Fact]
    public async Task Detect_TruncatedDocx_StillDocx()
    {
        // Without its end the archive has no central directory, so the local file headers must identify it.
        var docx = await Corpus.LoadAsync("docx_table_and_image.docx");
        var firstHalf = docx.Content[..(docx.Content.Length / 2)];

        Assert.Equal(MediaTypes.Docx, _sniffer.Detect(new DocumentSource("cut.docx", firstHalf)));
    }

    [Fact]
    public void Detect_EmptyZip_ReturnsZip()
    {
        var bytes = new byte[22];
        "PK\u0005\u0006"u8.CopyTo(bytes);

        Assert.Equal(MediaTypes.Zip, _sniffer.Detect(new DocumentSource("empty.zip", bytes)));
    }
}
