using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RagAnything.Content;
using RagAnything.Errors;
using RagAnything.Storage.Blobs;

namespace RagAnything.Parsing;

/// <summary>
/// Reads Word documents (DOCX) with DocumentFormat.OpenXml: paragraphs, headings, list items, tables, pictures,
/// charts, Office Math equations, footnotes and endnotes, in reading order.
/// </summary>
/// <remarks>
/// <para>
/// Headings come from the paragraph's outline level or its style (Heading 1 to 9, Title), and each item carries the
/// path of headings above it. Merged table cells are expanded; header rows are those marked to repeat on each page,
/// or the first row. A caption paragraph (Caption style, or text starting "Figure N" or "Table N") right before or
/// after a picture or table becomes its caption. Equations become <see cref="EquationItem"/>s in LaTeX and also stay
/// inline in their paragraph's text, between dollar signs. Footnotes and endnotes come last, as
/// <see cref="TextRole.Footnote"/> items.
/// </para>
/// <para>
/// Page indexes follow the page breaks that Word recorded at its last layout, or only explicit page breaks when
/// the file has none, so they are approximate. Picture bytes go to the blob store under
/// <c>images/{sha256}/{n}.{ext}</c>; without a blob store the image items keep their alt text and caption only.
/// </para>
/// <para>
/// The package is checked for ZIP bombs before it is opened (see <see cref="OfficeParserOptions"/>). Parsing runs on a
/// thread-pool thread and checks the cancellation token between paragraphs and table rows. The instance is stateless
/// and safe for concurrent use.
/// </para>
/// </remarks>
public sealed class DocxParser : IDocumentParser
{
    private static readonly string[] SupportedMediaTypes = [Parsing.MediaTypes.Docx];

    private readonly OfficeParseContextFactory _contexts;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="options">The limits, or <see langword="null"/> for the defaults.</param>
    /// <param name="blobStore">The store for picture bytes, or <see langword="null"/> to keep none.</param>
    /// <param name="logger">The logger, or <see langword="null"/> to log nothing.</param>
    /// <exception cref="ArgumentException">A setting of <paramref name="options"/> is invalid.</exception>
    public DocxParser(IOptions<OfficeParserOptions>? options = null, IBlobStore? blobStore = null, ILogger<DocxParser>? logger = null)
    {
        _contexts = new OfficeParseContextFactory(OfficeParserOptionsValidator.EnsureValid(options), blobStore, logger ?? NullLogger<DocxParser>.Instance);
    }

    /// <inheritdoc/>
    /// <value>Always <c>docx</c>.</value>
    public string Id => "docx";

    /// <inheritdoc/>
    /// <value>The DOCX media type, <see cref="Parsing.MediaTypes.Docx"/>.</value>
    public IReadOnlyCollection<string> MediaTypes => SupportedMediaTypes;

    /// <inheritdoc/>
    /// <exception cref="DocumentParseException">
    /// The file is empty or has no content (reason <c>empty</c>), exceeds a decompression limit (<c>zip-bomb</c>), or is
    /// a legacy or encrypted Office file (<c>unsupported-legacy-or-encrypted</c>), all <see cref="ErrorCategory.Validation"/>;
    /// or it is corrupt or truncated (<c>corrupt</c>, <see cref="ErrorCategory.Permanent"/>).
    /// </exception>
    public ValueTask<ParsedDocument> ParseAsync(DocumentSource source, string mediaType, CancellationToken cancellationToken = default) =>
        OfficeParseRunner.RunAsync(this, "DOCX", source, mediaType, _contexts, ReadAsync, cancellationToken);

    private static async Task<OfficeReadResult> ReadAsync(Stream stream, OfficeParseContext context)
    {
        using var document = WordprocessingDocument.Open(stream, isEditable: false, OfficeParseRunner.CreateOpenSettings());
        var mainPart = document.MainDocumentPart
            ?? throw ParseFailures.Corrupt(context.Source.Name, "DOCX", null);

        var (items, pageCount) = new DocxDocumentReader(mainPart, context).Read();
        await context.StoreImagesAsync(items).ConfigureAwait(false);
        return new OfficeReadResult(items, pageCount, OfficeParseRunner.CreateMetadata(document, pageCount));
    }
}
