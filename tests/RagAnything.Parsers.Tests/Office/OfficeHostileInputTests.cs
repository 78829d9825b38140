using System.Diagnostics;
using Microsoft.Extensions.Options;
using RagAnything.Content;
using RagAnything.Parsing;
using RagAnything.Storage.InMemory;
using static RagAnything.Parsers.Tests.Office.OfficeTestParsing;

namespace RagAnything.Parsers.Tests.Office;

public sealed class OfficeHostileInputTests
{
    [Fact]
    public async Task ZipBombDisguisedAsDocx_FailsQuickly()
    {
        var bomb = OfficeTestFiles.CreateZipBomb(200L * 1024 * 1024);
        var stopwatch = Stopwatch.StartNew();

        var failure = await ParseFailureAsync(new DocxParser(), bomb, "bomb.docx");

        Assert.Equal("zip-bomb", failure.Reason);
        Assert.Equal(ErrorCategory.Validation, failure.Category);
        Assert.Contains("word/document.xml", failure.Message, StringComparison.Ordinal);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"Rejecting the bomb took {stopwatch.Elapsed}.");
    }

    [Fact]
    public async Task TotalDecompressedSize_OverLimitFails()
    {
        var package = await File.ReadAllBytesAsync(Corpus.PathOf("docx_table_and_image.docx"));
        var parser = new DocxParser(Options.Create(new OfficeParserOptions { MaxDecompressedBytes = 100_000 }));

        var failure = await ParseFailureAsync(parser, package, "small-limit.docx");

        Assert.Equal("zip-bomb", failure.Reason);
        Assert.Contains("MaxDecompressedBytes", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LyingEntrySize_ReadsDeclaredBytesOnly()
    {
        // The entry contains 3 MiB of zeros while its headers claim 1 KiB. System.IO.Compression stops inflating at the
        // declared size, so neither the size check nor OpenXml ever reads the hidden megabytes.
        var package = OfficeTestFiles.CreateDocxWithLyingImageSize(3 * 1024 * 1024, 1024);
        var blobs = new InMemoryBlobStore();

        var document = await ParseAsync(new DocxParser(blobStore: blobs), new DocumentSource("lying.docx", package));

        var image = Assert.Single(ItemsOf<ImageItem>(document));
        await using var stored = await blobs.OpenReadAsync(image.BlobKey!);
        Assert.NotNull(stored);
        using var copy = new MemoryStream();
        await stored.CopyToAsync(copy);
        Assert.Equal(1024, copy.Length);
    }

    [Fact]
    public async Task BrokenHyperlinkTarget_StillParsesWithLinkText()
    {
        var package = OfficeTestFiles.CreateDocxWithBrokenHyperlink("the broken link text");

        var document = await ParseAsync(new DocxParser(), new DocumentSource("broken-link.docx", package));

        Assert.Contains(ItemsOf<TextItem>(document), item => item.Text == "See the broken link text");
        Assert.Single(ItemsOf<TableItem>(document));
    }

    [Fact]
    public async Task TruncatedDocx_FailsAsCorrupt()
    {
        var package = await File.ReadAllBytesAsync(Corpus.PathOf("docx_table_and_image.docx"));

        var failure = await ParseFailureAsync(new DocxParser(), package[..(package.Length / 2)], "truncated.docx");

        Assert.Equal("corrupt", failure.Reason);
        Assert.Equal(ErrorCategory.Permanent, failure.Category);
        Assert.Contains("truncated.docx", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongPackageType_FailsAsCorrupt()
    {
        var package = await File.ReadAllBytesAsync(Corpus.PathOf("pptx_charts.pptx"));

        var failure = await ParseFailureAsync(new DocxParser(), package, "slides-named.docx");

        Assert.Equal("corrupt", failure.Reason);
    }

    [Theory]
    [InlineData("docx")]
    [InlineData("xlsx")]
    [InlineData("pptx")]
    public async Task EmptyFile_FailsAsEmpty(string extension)
    {
        var failure = await ParseFailureAsync(CreateParser(extension), [], "empty." + extension);

        Assert.Equal("empty", failure.Reason);
        Assert.Equal(ErrorCategory.Validation, failure.Category);
    }

    [Theory]
    [InlineData("docx")]
    [InlineData("xlsx")]
    [InlineData("pptx")]
    public async Task Ole2CompoundFile_FailsAsLegacyOrEncrypted(string extension)
    {
        byte[] compoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

        var failure = await ParseFailureAsync(CreateParser(extension), compoundFile, "legacy." + extension);

        Assert.Equal("unsupported-legacy-or-encrypted", failure.Reason);
        Assert.Equal(ErrorCategory.Validation, failure.Category);
    }

    [Fact]
    public async Task Cancellation_StopsParsing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var source = await Corpus.LoadAsync("docx_rich_tables_spec.docx");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new DocxParser().ParseAsync(source, MediaTypes.Docx, cancelled.Token).AsTask());
    }

    [Fact]
    public void InvalidOptions_AreRejected()
    {
        var options = Options.Create(new OfficeParserOptions { MaxRowsPerTable = 0, MaxCompressionRatio = 0.5 });

        var exception = Assert.Throws<ArgumentException>(() => new XlsxParser(options));

        Assert.Contains("MaxRowsPerTable is 0", exception.Message, StringComparison.Ordinal);
        Assert.Contains("MaxCompressionRatio is 0.5", exception.Message, StringComparison.Ordinal);
    }

    private static IDocumentParser CreateParser(string extension) => extension switch
    {
        "docx" => new DocxParser(),
        "xlsx" => new XlsxParser(),
        _ => new PptxParser(),
    };
}
