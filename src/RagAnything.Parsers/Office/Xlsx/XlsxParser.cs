using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RagAnything.Content;
using RagAnything.Errors;
using RagAnything.Storage.Blobs;

namespace RagAnything.Parsing;

/// <summary>
/// Reads Excel workbooks (XLSX) with DocumentFormat.OpenXml: every worksheet becomes one or more table items whose
/// page index is the sheet's position and whose page label is the sheet name.
/// </summary>
/// <remarks>
/// <para>
/// Values appear as Excel shows them: number formats (built-in ids and common custom codes for decimals, thousands
/// separators, percentages and dates) are applied in the en-US convention, and a value whose format cannot be
/// rendered falls back to General. Booleans read TRUE or FALSE and errors keep their code, such as <c>#N/A</c>.
/// Blank cells keep their column, merged ranges repeat their value, and trailing empty rows and columns are trimmed.
/// </para>
/// <para>
/// Worksheets are streamed with <see cref="DocumentFormat.OpenXml.OpenXmlReader"/> in two passes (extent and merges,
/// then rows), so the parser's working memory stays bounded for sheets of any length. Long sheets are split into
/// items of <see cref="OfficeParserOptions.MaxRowsPerTable"/> rows, each repeating the first row as header. Charts and
/// pictures are skipped with a warning.
/// </para>
/// <para>
/// The package is checked for ZIP bombs before it is opened (see <see cref="OfficeParserOptions"/>). Parsing runs on a
/// thread-pool thread and checks the cancellation token between rows. The instance is stateless and safe for
/// concurrent use.
/// </para>
/// </remarks>
public sealed class XlsxParser : IDocumentParser
{
    private static readonly string[] SupportedMediaTypes = [Parsing.MediaTypes.Xlsx];

    private readonly OfficeParseContextFactory _contexts;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="options">The limits, or <see langword="null"/> for the defaults.</param>
    /// <param name="blobStore">Unused today, because pictures on worksheets are skipped; accepted so that all Office parsers are created alike.</param>
    /// <param name="logger">The logger, or <see langword="null"/> to log nothing.</param>
    /// <exception cref="ArgumentException">A setting of <paramref name="options"/> is invalid.</exception>
    public XlsxParser(IOptions<OfficeParserOptions>? options = null, IBlobStore? blobStore = null, ILogger<XlsxParser>? logger = null)
    {
        _contexts = new OfficeParseContextFactory(OfficeParserOptionsValidator.EnsureValid(options), blobStore, logger ?? NullLogger<XlsxParser>.Instance);
    }

    /// <inheritdoc/>
    /// <value>Always <c>xlsx</c>.</value>
    public string Id => "xlsx";

    /// <inheritdoc/>
    /// <value>The XLSX media type, <see cref="Parsing.MediaTypes.Xlsx"/>.</value>
    public IReadOnlyCollection<string> MediaTypes => SupportedMediaTypes;

    /// <inheritdoc/>
    /// <exception cref="DocumentParseException">
    /// The file is empty or has no values (reason <c>empty</c>), exceeds a decompression limit (<c>zip-bomb</c>), or is
    /// a legacy or encrypted Office file (<c>unsupported-legacy-or-encrypted</c>), all <see cref="ErrorCategory.Validation"/>;
    /// or it is corrupt or truncated (<c>corrupt</c>, <see cref="ErrorCategory.Permanent"/>).
    /// </exception>
    public ValueTask<ParsedDocument> ParseAsync(DocumentSource source, string mediaType, CancellationToken cancellationToken = default) =>
        OfficeParseRunner.RunAsync(this, "XLSX", source, mediaType, _contexts, Read, cancellationToken);

    private static Task<OfficeReadResult> Read(Stream stream, OfficeParseContext context)
    {
        using var document = SpreadsheetDocument.Open(stream, isEditable: false, OfficeParseRunner.CreateOpenSettings());
        var workbookPart = document.WorkbookPart
            ?? throw ParseFailures.Corrupt(context.Source.Name, "XLSX", null);

        var (items, sheetCount) = XlsxWorkbookReader.Read(workbookPart, context);
        return Task.FromResult(new OfficeReadResult(items, sheetCount, OfficeParseRunner.CreateMetadata(document, sheetCount)));
    }
}
