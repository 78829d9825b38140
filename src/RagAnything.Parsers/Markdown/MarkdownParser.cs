using System.Diagnostics;
using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Parsers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RagAnything.Content;
using RagAnything.Errors;

namespace RagAnything.Parsing;

/// <summary>
/// Reads Markdown (CommonMark with pipe tables) with Markdig and turns it into headings, paragraphs, list items, code,
/// tables and equations.
/// </summary>
/// <remarks>
/// <para>
/// Each heading becomes a <see cref="TextItem"/> with <see cref="TextRole.Heading"/> and sets the
/// <see cref="ContentItem.HeadingPath"/> of the items after it. Pipe tables become <see cref="TableItem"/> with one
/// header row. <c>$$ … $$</c> blocks and fenced <c>math</c> blocks become <see cref="EquationItem"/> in LaTeX.
/// Inline markup is reduced to its visible text: link text is kept without the address, and images and HTML comments
/// are dropped. Every item is on page 0.
/// </para>
/// <para>The bytes are decoded like plain text. The instance is stateless and safe for concurrent use.</para>
/// </remarks>
public sealed class MarkdownParser : IDocumentParser
{
    private static readonly string[] SupportedMediaTypes = [Parsing.MediaTypes.Markdown];

    // Only the block form of math is enabled: inline "$" parsing would misread prices such as "$5 and $10".
    private static readonly MarkdownPipeline Pipeline = CreatePipeline();

    private readonly ILogger _logger;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="logger">The logger, or <see langword="null"/> to log nothing.</param>
    public MarkdownParser(ILogger<MarkdownParser>? logger = null)
    {
        _logger = logger ?? NullLogger<MarkdownParser>.Instance;
    }

    /// <inheritdoc/>
    /// <value>Always <c>markdown</c>.</value>
    public string Id => "markdown";

    /// <inheritdoc/>
    /// <value><c>text/markdown</c>.</value>
    public IReadOnlyCollection<string> MediaTypes => SupportedMediaTypes;

    /// <inheritdoc/>
    /// <exception cref="DocumentParseException">
    /// The file contains no text (reason <c>empty</c>), or its nesting is too deep to parse (reason <c>corrupt</c>).
    /// </exception>
    public ValueTask<ParsedDocument> ParseAsync(DocumentSource source, string mediaType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ParseFailures.ThrowIfUnsupported(this, mediaType);
        cancellationToken.ThrowIfCancellationRequested();

        // Parsing is synchronous and fast; a failure is still delivered through the returned task, as callers expect.
        try
        {
            return ValueTask.FromResult(Parse(source, mediaType));
        }
        catch (DocumentParseException failure)
        {
            return ValueTask.FromException<ParsedDocument>(failure);
        }
    }

    private ParsedDocument Parse(DocumentSource source, string mediaType)
    {
        var started = Stopwatch.GetTimestamp();
        Log.ParseStarted(_logger, source.Name, source.Content.Length, mediaType, Id);

        var decoded = TextDecoder.Decode(source.Content.Span);
        var items = BuildItems(source.Name, decoded.Text);
        if (items.Count == 0)
        {
            throw LogFailure(source.Name, ParseFailures.Empty(source.Name), null);
        }

        Log.ParseCompleted(_logger, source.Name, items.Count, 1, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);

        return new ParsedDocument
        {
            SourceName = source.Name,
            MediaType = mediaType,
            Sha256 = source.Sha256,
            Size = source.Content.Length,
            PageCount = 1,
            Items = items,
            Metadata = CreateMetadata(decoded, items),
        };
    }

    private List<ContentItem> BuildItems(string sourceName, string text)
    {
        try
        {
            var document = Markdown.Parse(text, Pipeline);
            return new MarkdownContentBuilder().Build(document);
        }
        catch (ArgumentException exception)
        {
            // Markdig raises ArgumentException when nesting exceeds its depth limit or a table is too large.
            var failure = new DocumentParseException(sourceName, ParseFailures.CorruptReason, ErrorCategory.Permanent,
                $"Document '{sourceName}' could not be parsed as Markdown because its elements are nested too deeply or a table is too large. " +
                "Check that the file really is Markdown, or split it into smaller files.",
                exception);
            throw LogFailure(sourceName, failure, exception);
        }
    }

    private static Dictionary<string, string> CreateMetadata(DecodedText decoded, List<ContentItem> items)
    {
        var metadata = new Dictionary<string, string> { ["encoding"] = decoded.EncodingName };

        // A document that opens with a level-1 heading is titled by it, as Markdown renderers and site generators assume.
        if (items[0] is TextItem { Role: TextRole.Heading, HeadingLevel: 1 } title)
        {
            metadata["title"] = title.Text;
        }

        return metadata;
    }

    private DocumentParseException LogFailure(string sourceName, DocumentParseException failure, Exception? cause)
    {
        Log.ParseFailed(_logger, cause, sourceName, failure.Reason, failure.Message);
        return failure;
    }

    private static MarkdownPipeline CreatePipeline()
    {
        var builder = new MarkdownPipelineBuilder().UsePipeTables();
        builder.BlockParsers.InsertBefore<ParagraphBlockParser>(new MathBlockParser());
        return builder.Build();
    }
}
