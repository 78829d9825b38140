namespace RagAnything.Parsing;

/// <summary>
/// Detects a document's media type from its bytes first and its file extension second.
/// </summary>
/// <remarks>
/// <para>
/// The order of checks is: signatures (PDF anywhere in the first 1,024 bytes; ZIP, with DOCX, XLSX and PPTX told
/// apart by their entry names; PNG, JPEG, GIF, BMP, TIFF, WebP), then Unicode byte order marks (or UTF-16 recognised by its
/// zero bytes) and HTML markup
/// (<c>&lt;!doctype html</c> or <c>&lt;html</c>), then the extension for text-like content (<c>.md</c>, <c>.csv</c>, <c>.tsv</c>, <c>.html</c>, <c>.txt</c>), and finally a
/// text-or-binary check. Content that is neither a known format nor text is <see cref="MediaTypes.OctetStream"/>.
/// </para>
/// <para>
/// The content wins over the name: a PDF named <c>report.docx</c> is <see cref="MediaTypes.Pdf"/>, and
/// <see cref="Sniff"/> reports the mismatch. The instance is stateless and safe for concurrent use.
/// </para>
/// </remarks>
public sealed class ContentSniffer : IMediaTypeInspector
{
    /// <inheritdoc/>
    public string Detect(DocumentSource source) => Sniff(source).MediaType;

    /// <inheritdoc/>
    public MediaTypeDetection Inspect(DocumentSource source)
    {
        var result = Sniff(source);
        return new MediaTypeDetection(result.MediaType, result.MismatchWarning);
    }

    /// <summary>
    /// Detects the media type of <paramref name="source"/> and compares it with the media type its extension implies.
    /// </summary>
    /// <param name="source">The document to inspect. Only the first few kilobytes are read, except for ZIP archives.</param>
    /// <returns>The detected media type and the extension's media type.</returns>
    public SniffResult Sniff(DocumentSource source)
    {
        ArgumentNullException.ThrowIfNull(source);

        var extensionMediaType = ExtensionMediaTypes.FromFileName(source.Name);
        return new SniffResult(DetectFromContent(source.Content.Span, extensionMediaType), extensionMediaType);
    }

    private static string DetectFromContent(ReadOnlySpan<byte> bytes, string? extensionMediaType)
    {
        var signature = MagicNumbers.Match(bytes);
        if (signature is not null)
        {
            return signature;
        }

        var (bomEncoding, bomLength) = TextDecoder.DetectByteOrderMark(bytes);
        var isText = bomEncoding is not null
            || TextDecoder.DetectUtf16WithoutByteOrderMark(bytes) is not null
            || TextHeuristics.IsText(bytes);
        if (!isText)
        {
            return MediaTypes.OctetStream;
        }

        // HTML markup is recognised in UTF-8 and single-byte text only, which is what real HTML files use.
        if (bomEncoding is null || bomLength == 3)
        {
            if (TextHeuristics.IsHtml(bytes[bomLength..]))
            {
                return MediaTypes.Html;
            }
        }

        if (extensionMediaType is not null && ExtensionMediaTypes.IsTextLike(extensionMediaType))
        {
            return extensionMediaType;
        }

        return MediaTypes.PlainText;
    }
}
