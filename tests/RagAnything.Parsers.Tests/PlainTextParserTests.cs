using System.Text;
using RagAnything.Content;
using RagAnything.Errors;
using RagAnything.Parsing;

namespace RagAnything.Parsers.Tests;

public class PlainTextParserTests
{
    private readonly PlainTextParser _parser = new();

    [Fact]
    public async Task Parse_Windows1252File_DecodesFrenchText()
    {
        var document = await _parser.ParseAsync(await Corpus.LoadAsync("txt_french_moliere_cp1252.txt"), MediaTypes.PlainText);
        var text = string.Join("\n", document.Items.OfType<TextItem>().Select(item => item.Text));

        Assert.Equal("windows-1252", document.Metadata["encoding"]);
        Assert.Contains("MOLIÈRE", text, StringComparison.Ordinal);
        Assert.Contains("«Quel est le plus grand des écrivains de mon règne?", text, StringComparison.Ordinal);
        Assert.Contains("c'est Molière.»", text, StringComparison.Ordinal);
        Assert.Contains("Despréaux", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', text);
    }

    [Fact]
    public async Task Parse_Windows1252File_SplitsParagraphs()
    {
        var document = await _parser.ParseAsync(await Corpus.LoadAsync("txt_french_moliere_cp1252.txt"), MediaTypes.PlainText);

        Assert.Equal(8, document.Items.Count);
        Assert.StartsWith("JEAN-BAPTISTE POQUELIN MOLIÈRE", ((TextItem)document.Items[0]).Text, StringComparison.Ordinal);
        Assert.StartsWith("«Quel est", ((TextItem)document.Items[1]).Text, StringComparison.Ordinal);
        Assert.All(document.Items, item => Assert.Equal(0, item.PageIndex));
    }

    [Fact]
    public async Task Parse_Utf16LittleEndianFile_DecodesText()
    {
        var document = await _parser.ParseAsync(await Corpus.LoadAsync("txt_utf16le_bom.txt"), MediaTypes.PlainText);
        var texts = document.Items.OfType<TextItem>().Select(item => item.Text).ToList();

        Assert.Equal("utf-16", document.Metadata["encoding"]);
        Assert.Equal("This is a test document to use for unit tests.", texts[0]);
        Assert.Equal("Doylestown, PA 18901", texts[1]);
        Assert.Contains(texts, text => text.Contains("Hamburgers are delicious", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Parse_NoBlankLines_ItemPerLine()
    {
        var source = await Corpus.LoadAsync("txt_wikipedia_norwich_city.txt");
        var document = await _parser.ParseAsync(source, MediaTypes.PlainText);

        Assert.Equal("utf-8", document.Metadata["encoding"]);
        Assert.True(document.Items.Count > 500, $"Expected one item per line, got {document.Items.Count}.");
        Assert.Equal("Iwan Roberts", ((TextItem)document.Items[0]).Text);
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF }, "utf-8")]
    [InlineData(new byte[] { 0xFE, 0xFF }, "utf-16BE")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x00, 0x00 }, "utf-32")]
    [InlineData(new byte[] { 0x00, 0x00, 0xFE, 0xFF }, "utf-32BE")]
    public async Task Parse_ByteOrderMark_SelectsEncoding(byte[] bom, string expectedEncoding)
    {
        Encoding encoding = expectedEncoding switch
        {
            "utf-8" => new UTF8Encoding(false),
            "utf-16BE" => new UnicodeEncoding(bigEndian: true, byteOrderMark: false),
            "utf-32" => new UTF32Encoding(bigEndian: false, byteOrderMark: false),
            _ => new UTF32Encoding(bigEndian: true, byteOrderMark: false),
        };
        var bytes = bom.Concat(encoding.GetBytes("Größe: 5 €")).ToArray();

        var document = await _parser.ParseAsync(new DocumentSource("size.txt", bytes), MediaTypes.PlainText);

        Assert.Equal(expectedEncoding, document.Metadata["encoding"]);
        Assert.Equal("Größe: 5 €", ((TextItem)Assert.Single(document.Items)).Text);
    }

    [Fact]
    public async Task Parse_ControlCharacters_RemovedExceptTabAndNewline()
    {
        var bytes = Encoding.UTF8.GetBytes("a\u0001b\tc\r\nd\u0007e\u0085f\n\nlast");

        var document = await _parser.ParseAsync(new DocumentSource("ctl.txt", bytes), MediaTypes.PlainText);

        Assert.Equal(["ab\tc\ndef", "last"], document.Items.OfType<TextItem>().Select(item => item.Text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\t\n  ")]
    [InlineData("\u0001\u0002")]
    public async Task Parse_EmptyText_ThrowsEmpty(string content)
    {
        var source = new DocumentSource("empty.txt", Encoding.UTF8.GetBytes(content));

        var error = await Assert.ThrowsAsync<DocumentParseException>(() => _parser.ParseAsync(source, MediaTypes.PlainText).AsTask());

        Assert.Equal("empty", error.Reason);
        Assert.Equal(ErrorCategory.Validation, error.Category);
        Assert.Equal("empty.txt", error.SourceName);
    }

    [Fact]
    public async Task Parse_OtherMediaType_ThrowsArgumentException()
    {
        var source = new DocumentSource("a.txt", "x"u8.ToArray());

        await Assert.ThrowsAsync<ArgumentException>(() => _parser.ParseAsync(source, MediaTypes.Pdf).AsTask());
    }

    [Fact]
    public async Task Parse_Document_CarriesIdentity()
    {
        var source = await Corpus.LoadAsync("txt_utf16le_bom.txt");

        var document = await _parser.ParseAsync(source, MediaTypes.PlainText);

        Assert.Equal("txt_utf16le_bom.txt", document.SourceName);
        Assert.Equal(MediaTypes.PlainText, document.MediaType);
        Assert.Equal(source.Sha256, document.Sha256);
        Assert.Equal(376, document.Size);
        Assert.Equal(1, document.PageCount);
    }
}
