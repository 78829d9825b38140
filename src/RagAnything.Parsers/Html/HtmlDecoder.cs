using System.Text;
using System.Text.RegularExpressions;

namespace RagAnything.Parsing;

/// <summary>
/// Decodes HTML bytes: a byte order mark first, then a charset declared in a <c>&lt;meta&gt;</c> tag or an XML
/// declaration, then the rules of <see cref="TextDecoder"/> (UTF-16 zero bytes, valid UTF-8, else Windows-1252).
/// </summary>
/// <remarks>
/// This follows the order of the HTML encoding-sniffing algorithm without a transport-layer charset, which a parser of
/// stored bytes never has. As that algorithm requires, a declared ISO-8859-1 or US-ASCII is read as Windows-1252, and a
/// UTF-16 declaration found by an ASCII scan is read as UTF-8, because the scan could not have read real UTF-16.
/// </remarks>
internal static partial class HtmlDecoder
{
    /// <summary>How far the declaration scan looks. The HTML standard scans 1024 bytes; saved pages often put long
    /// scripts or comments first, so the scan reads further at little cost.</summary>
    private const int DeclarationScanBytes = 8192;

    /// <summary>Returns the decoded text and where the encoding came from: <c>bom</c>, <c>declared</c> or <c>sniffed</c>.</summary>
    public static (DecodedText Text, string EncodingSource) Decode(ReadOnlySpan<byte> bytes)
    {
        var (bomEncoding, bomLength) = TextDecoder.DetectByteOrderMark(bytes);
        if (bomEncoding is not null)
        {
            return (new DecodedText(bomEncoding.GetString(bytes[bomLength..]), bomEncoding.WebName), "bom");
        }

        // UTF-16 without a mark cannot carry an ASCII declaration, so the zero-byte test runs before the scan.
        if (TextDecoder.DetectUtf16WithoutByteOrderMark(bytes) is null)
        {
            var declared = FindDeclaredEncoding(bytes[..Math.Min(bytes.Length, DeclarationScanBytes)]);
            if (declared is not null)
            {
                return (new DecodedText(declared.GetString(bytes), declared.WebName), "declared");
            }
        }

        return (TextDecoder.Decode(bytes), "sniffed");
    }

    private static Encoding? FindDeclaredEncoding(ReadOnlySpan<byte> head)
    {
        // Latin-1 maps every byte to one character, so the ASCII markup of the head reads correctly whatever follows.
        var text = Encoding.Latin1.GetString(head);
        var match = MetaCharset().Match(text);
        if (!match.Success)
        {
            match = XmlDeclarationEncoding().Match(text);
        }

        return match.Success ? Resolve(match.Groups["name"].Value) : null;
    }

    private static Encoding? Resolve(string name)
    {
        var label = name.Trim().ToLowerInvariant();
        if (label is "iso-8859-1" or "latin1" or "us-ascii" or "ascii")
        {
            label = "windows-1252";
        }
        else if (label.StartsWith("utf-16", StringComparison.Ordinal))
        {
            label = "utf-8";
        }

        if (label is "utf-8" or "utf8")
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        }

        try
        {
            // The code-pages provider is asked directly, as TextDecoder does, so no process-wide provider is registered.
            return CodePagesEncodingProvider.Instance.GetEncoding(label) ?? Encoding.GetEncoding(label);
        }
        catch (ArgumentException)
        {
            // An unknown label is ignored, as browsers do, and the content decides.
            return null;
        }
    }

    // Matches <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">.
    [GeneratedRegex("""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*(?<name>[A-Za-z0-9._:\-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();

    [GeneratedRegex("""^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["'](?<name>[A-Za-z0-9._:\-]+)["']""", RegexOptions.IgnoreCase)]
    private static partial Regex XmlDeclarationEncoding();
}
