using System.Text;
using RagAnything.Errors;
using RagAnything.Parsing;

namespace RagAnything.Parsers.Tests;

/// <summary>
/// Damaged and adversarial inputs: each must end in a <see cref="DocumentParseException"/> with a category, in time.
/// </summary>
public class HostileInputTests
{
    public static TheoryData<string, string> EmptyFiles => new()
    {
        { "empty.txt", MediaTypes.PlainText },
        { "empty.md", MediaTypes.Markdown },
        { "empty.pdf", MediaTypes.Pdf },
    };

    [Theory]
    [MemberData(nameof(EmptyFiles))]
    public async Task Parse_EmptyFile_ThrowsEmpty(string name, string mediaType)
    {
        var error = await ParseFailureAsync(new DocumentSource(name, ReadOnlyMemory<byte>.Empty), mediaType);

        Assert.Equal("empty", error.Reason);
        Assert.Equal(ErrorCategory.Validation, error.Category);
    }

    [Theory]
    [InlineData("pdf_dpr_paper_2col_13p.pdf")]
    [InlineData("pdf_mtcars_table_3p.pdf")]
    [InlineData("pdf_encrypted_password_1234.pdf")]
    public async Task Parse_TruncatedPdf_ThrowsCategorisedError(string name)
    {
        var pdf = await Corpus.LoadAsync(name);
        var firstHalf = new DocumentSource("truncated.pdf", pdf.Content[..(pdf.Content.Length / 2)]);

        var outcome = await Record.ExceptionAsync(() => new PdfParser().ParseAsync(firstHalf, MediaTypes.Pdf).AsTask().WaitAsync(Corpus.ParseTimeout));

        // Lenient parsing may recover the pages that survived; if it cannot, the failure must be one of ours.
        if (outcome is not null)
        {
            var error = Assert.IsType<DocumentParseException>(outcome);
            Assert.Contains(error.Reason, new[] { "corrupt", "password-required", "no-text-layer" });
            Assert.Equal(ErrorCategory.Permanent, error.Category);
        }
    }

    [Fact]
    public async Task Parse_GarbageAfterHeader_ThrowsCorrupt()
    {
        var bytes = new byte[16 * 1024];
        new Random(42).NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);

        var error = await ParseFailureAsync(new DocumentSource("garbage.pdf", bytes), MediaTypes.Pdf);

        Assert.Equal("corrupt", error.Reason);
        Assert.Equal(ErrorCategory.Permanent, error.Category);
        Assert.Contains("garbage.pdf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_HeaderOnly_ThrowsCorrupt()
    {
        var error = await ParseFailureAsync(new DocumentSource("header.pdf", "%PDF-1.7\n"u8.ToArray()), MediaTypes.Pdf);

        Assert.Equal("corrupt", error.Reason);
        Assert.Equal(ErrorCategory.Permanent, error.Category);
    }

    [Fact]
    public async Task Parse_PdfWithoutPages_ThrowsCategorisedError()
    {
        var error = await ParseFailureAsync(new DocumentSource("nopages.pdf", BuildPdfWithoutPages()), MediaTypes.Pdf);

        Assert.Contains(error.Reason, new[] { "empty", "corrupt" });
        Assert.True(error.Category is ErrorCategory.Validation or ErrorCategory.Permanent, $"Category {error.Category}.");
    }

    [Fact]
    public async Task Parse_TextFileAsPdf_ThrowsCorrupt()
    {
        var source = new DocumentSource("notes.pdf", Encoding.UTF8.GetBytes("This is not a PDF at all.\n"));

        var error = await ParseFailureAsync(source, MediaTypes.Pdf);

        Assert.Equal("corrupt", error.Reason);
    }

    [Fact]
    public async Task Parse_BinaryAsText_DoesNotThrowRaw()
    {
        var bytes = new byte[8192];
        new Random(7).NextBytes(bytes);

        // Random bytes are valid Windows-1252, so the text parser reads them; it must neither hang nor fail raw.
        var document = await new PlainTextParser().ParseAsync(new DocumentSource("noise.txt", bytes), MediaTypes.PlainText).AsTask().WaitAsync(Corpus.ParseTimeout);

        Assert.Equal("windows-1252", document.Metadata["encoding"]);
    }

    /// <summary>Writes a minimal, well-formed PDF whose page tree is empty, with a correct cross-reference table.</summary>
    private static byte[] BuildPdfWithoutPages()
    {
        var body = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();

        offsets.Add(body.Length);
        body.Append("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        offsets.Add(body.Length);
        body.Append("2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n");

        var xrefOffset = body.Length;
        body.Append("xref\n0 3\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            body.Append(offset.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }

        body.Append("trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n").Append(xrefOffset).Append("\n%%EOF\n");
        return Encoding.ASCII.GetBytes(body.ToString());
    }

    private static async Task<DocumentParseException> ParseFailureAsync(DocumentSource source, string mediaType)
    {
        IDocumentParser parser = mediaType switch
        {
            MediaTypes.Pdf => new PdfParser(),
            MediaTypes.Markdown => new MarkdownParser(),
            _ => new PlainTextParser(),
        };

        return await Assert.ThrowsAsync<DocumentParseException>(
            () => parser.ParseAsync(source, mediaType).AsTask().WaitAsync(Corpus.ParseTimeout));
    }
}
