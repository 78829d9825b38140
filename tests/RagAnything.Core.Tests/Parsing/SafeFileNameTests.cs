using RagAnything.Parsing;

namespace RagAnything.Core.Tests.Parsing;

public sealed class SafeFileNameTests
{
    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("/etc/shadow", "shadow")]
    [InlineData("C:\\Windows\\system32\\drivers\\etc\\hosts", "hosts")]
    [InlineData("..\\..\\secret.txt", "secret.txt")]
    [InlineData("report\u0000\u0007.pdf", "report.pdf")]
    [InlineData("line\r\nbreak.txt", "linebreak.txt")]
    [InlineData("..", "document")]
    [InlineData("", "document")]
    [InlineData("   ", "document")]
    [InlineData(".hidden", "hidden")]
    [InlineData("résumé 履歴書.docx", "résumé 履歴書.docx")]
    [InlineData("what?*|<>.txt", "what.txt")]
    public void From_HostileName_ReturnsSafeBaseName(string input, string expected)
    {
        Assert.Equal(expected, SafeFileName.From(input));
    }

    [Fact]
    public void From_VeryLongName_KeepsExtensionAndLimit()
    {
        var name = new string('x', 500) + ".pdf";

        var safe = SafeFileName.From(name);

        Assert.Equal(SafeFileName.MaxLength, safe.Length);
        Assert.EndsWith(".pdf", safe, StringComparison.Ordinal);
    }

    [Fact]
    public void DocumentSource_StripsDirectories()
    {
        var source = new DocumentSource("../../../tmp/evil.txt", "x"u8.ToArray());

        Assert.Equal("evil.txt", source.Name);
    }
}
