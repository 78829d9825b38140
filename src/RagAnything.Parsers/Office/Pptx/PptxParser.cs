using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RagAnything.Content;
using RagAnything.Errors;
using RagAnything.Storage.Blobs;
using P = DocumentFormat.OpenXml.Presentation;

namespace RagAnything.Parsing;

/// <summary>
/// Reads PowerPoint presentations (PPTX) with DocumentFormat.OpenXml: one page per slide, in presentation order.
/// </summary>
/// <remarks>
/// <para>
/// Each slide's title placeholder becomes a level-1 heading and the heading path of everything else on the slide.
/// Text frames give a paragraph per <c>a:p</c>, bullets as <see cref="TextRole.ListItem"/>; tables are read with merged
/// cells expanded; charts become tables of their cached data (categories in the first column, one column per
/// series) captioned with the chart title; pictures become image items with their alt text, and their bytes go to the
/// blob store under <c>images/{sha256}/{n}.{ext}</c> when one is configured. Speaker notes become
/// <see cref="TextRole.Footnote"/> items on their slide's page.
/// </para>
/// <para>
/// The package is checked for ZIP bombs before it is opened (see <see cref="OfficeParserOptions"/>). Parsing runs on a
/// thread-pool thread and checks the cancellation token between slides. The instance is stateless and safe for
/// concurrent use.
/// </para>
/// </remarks>
public sealed class PptxParser : IDocumentParser
{
    private static readonly string[] SupportedMediaTypes = [Parsing.MediaTypes.Pptx];

    private readonly OfficeParseContextFactory _contexts;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="options">The limits, or <see langword="null"/> for the defaults.</param>
    /// <param name="blobStore">The store for picture bytes, or <see langword="null"/> to keep none.</param>
    /// <param name="logger">The logger, or <see langword="null"/> to log nothing.</param>
    /// <exception cref="ArgumentException">A setting of <paramref name="options"/> is invalid.</exception>
    public PptxParser(IOptions<OfficeParserOptions>? options = null, IBlobStore? blobStore = null, ILogger<PptxParser>? logger = null)
    {
        _contexts = new OfficeParseContextFactory(OfficeParserOptionsValidator.EnsureValid(options), blobStore, logger ?? NullLogger<PptxParser>.Instance);
    }

    /// <inheritdoc/>
    /// <value>Always <c>pptx</c>.</value>
    public string Id => "pptx";

    /// <inheritdoc/>
    /// <value>The PPTX media type, <see cref="Parsing.MediaTypes.Pptx"/>.</value>
    public IReadOnlyCollection<string> MediaTypes => SupportedMediaTypes;

    /// <inheritdoc/>
    /// <exception cref="DocumentParseException">
    /// The file is empty or has no content (reason <c>empty</c>), exceeds a decompression limit (<c>zip-bomb</c>), or is
    /// a legacy or encrypted Office file (<c>unsupported-legacy-or-encrypted</c>), all <see cref="ErrorCategory.Validation"/>;
    /// or it is corrupt or truncated (<c>corrupt</c>, <see cref="ErrorCategory.Permanent"/>).
    /// </exception>
    public ValueTask<ParsedDocument> ParseAsync(DocumentSource source, string mediaType, CancellationToken cancellationToken = default) =>
        OfficeParseRunner.RunAsync(this, "PPTX", source, mediaType, _contexts, ReadAsync, cancellationToken);

    private static async Task<OfficeReadResult> ReadAsync(Stream stream, OfficeParseContext context)
    {
        using var document = PresentationDocument.Open(stream, isEditable: false, OfficeParseRunner.CreateOpenSettings());
        var presentationPart = document.PresentationPart
            ?? throw ParseFailures.Corrupt(context.Source.Name, "PPTX", null);

        // sldIdLst gives the slide order; the order of slide parts in the package means nothing.
        var slideIds = presentationPart.Presentation?.SlideIdList?.Elements<P.SlideId>().ToList() ?? [];
        var reader = new PptxSlideReader(context);
        var items = new List<ContentItem>();
        for (var slideIndex = 0; slideIndex < slideIds.Count; slideIndex++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();

            var relationshipId = slideIds[slideIndex].RelationshipId?.Value;
            if (relationshipId is not null && presentationPart.TryGetPartById(relationshipId, out var part) && part is SlidePart slidePart)
            {
                reader.Read(slidePart, slideIndex, items);
            }
            else
            {
                context.Warn($"slide {slideIndex + 1} was skipped: its part is missing");
            }
        }

        await context.StoreImagesAsync(items).ConfigureAwait(false);
        return new OfficeReadResult(items, slideIds.Count, OfficeParseRunner.CreateMetadata(document, slideIds.Count));
    }
}
