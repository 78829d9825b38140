using System.Diagnostics;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RagAnything.Content;
using AngleSharpHtmlParser = AngleSharp.Html.Parser.HtmlParser;

namespace RagAnything.Parsing;

/// <summary>
/// Reads HTML and XHTML pages into a content list of headings, paragraphs, list items, code, tables, images (from
/// their alternative text and figure captions) and MathML formulas, without the page's navigation and chrome.
/// </summary>
/// <remarks>
/// <para>
/// The encoding comes from a byte order mark, then a <c>&lt;meta&gt;</c> charset or an XML declaration, then the
/// content (UTF-16 zero bytes, valid UTF-8, else Windows-1252). The page is parsed with AngleSharp's HTML5 parser, which
/// also reads XHTML served as <c>application/xhtml+xml</c>.
/// </para>
/// <para>
/// Removed before reading: scripts, styles, <c>noscript</c> and <c>template</c>; <c>nav</c>, <c>aside</c> and
/// navigation, banner and content-info landmarks; page-level <c>header</c> and <c>footer</c>; hidden elements; and the
/// menus, table of contents, edit links, navigation boxes and reference lists of MediaWiki pages. Tables with header
/// cells keep them as header rows, and merged cells are expanded. Tables that only arrange content are read as text.
/// </para>
/// <para>
/// Metadata contains <c>encoding</c> and, when the page has one, <c>title</c>. The instance is stateless and safe for
/// concurrent use.
/// </para>
/// </remarks>
public sealed class HtmlParser : IDocumentParser
{
    /// <summary>The media type of XHTML documents.</summary>
    public const string XhtmlMediaType = "application/xhtml+xml";

    private static readonly string[] SupportedMediaTypes = [Parsing.MediaTypes.Html, XhtmlMediaType];

    // Scripting is off so <noscript> content parses as markup, the way a page reads without JavaScript; it is removed anyway.
    private static readonly HtmlParserOptions ParserOptions = new() { IsScripting = false };

    private readonly ILogger _logger;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="logger">The logger, or <see langword="null"/> to log nothing.</param>
    public HtmlParser(ILogger<HtmlParser>? logger = null)
    {
        _logger = logger ?? NullLogger<HtmlParser>.Instance;
    }

    /// <inheritdoc/>
    /// <value>Always <c>html</c>.</value>
    public string Id => "html";

    /// <inheritdoc/>
    /// <value><c>text/html</c> and <c>application/xhtml+xml</c>.</value>
    public IReadOnlyCollection<string> MediaTypes => SupportedMediaTypes;

    /// <inheritdoc/>
    /// <exception cref="Errors.DocumentParseException">The page has no visible text, table, image or formula (reason <c>empty</c>).</exception>
    public ValueTask<ParsedDocument> ParseAsync(DocumentSource source, string mediaType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ParseFailures.ThrowIfUnsupported(this, mediaType);
        cancellationToken.ThrowIfCancellationRequested();

        var started = Stopwatch.GetTimestamp();
        WebImageLog.ParseStarted(_logger, source.Name, source.Content.Length, mediaType, Id);

        var (decoded, encodingSource) = HtmlDecoder.Decode(source.Content.Span);
        WebImageLog.HtmlEncodingDetected(_logger, source.Name, decoded.EncodingName, encodingSource);

        // The parser never fetches anything: AngleSharp loads resources only through a browsing context, which is not created.
        using var document = new AngleSharpHtmlParser(ParserOptions).ParseDocument(decoded.Text);
        var title = TextCleaner.CollapseWhitespace(document.Title ?? string.Empty);
        cancellationToken.ThrowIfCancellationRequested();

        HtmlBoilerplate.Remove(document);
        var builder = new HtmlContentBuilder(cancellationToken);
        var items = document.Body is null ? [] : builder.Build(document.Body);

        var warnings = new List<string>();
        if (builder.TruncatedTableCount > 0)
        {
            WebImageLog.HtmlTableTruncated(_logger, source.Name, HtmlTableReader.MaxCells, builder.TruncatedTableCount);
            warnings.Add($"{builder.TruncatedTableCount} tables had more than {HtmlTableReader.MaxCells} cells after expanding merged cells; their remaining rows were dropped.");
        }

        if (items.Count == 0)
        {
            var empty = ParseFailures.Empty(source.Name);
            WebImageLog.ParseFailed(_logger, source.Name, empty.Reason, empty.Message);
            throw empty;
        }

        var metadata = new Dictionary<string, string> { ["encoding"] = decoded.EncodingName };
        if (title.Length > 0)
        {
            metadata["title"] = title;
        }

        WebImageLog.ParseCompleted(_logger, source.Name, items.Count, 1, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return ValueTask.FromResult(new ParsedDocument
        {
            SourceName = source.Name,
            MediaType = mediaType,
            Sha256 = source.Sha256,
            Size = source.Content.Length,
            PageCount = 1,
            Items = items,
            Metadata = metadata,
            Warnings = warnings,
        });
    }
}
