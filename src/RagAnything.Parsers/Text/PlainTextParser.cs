using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RagAnything.Content;
using RagAnything.Errors;

namespace RagAnything.Parsing;

/// <summary>
/// Reads plain text files: detects the encoding and turns each blank-line separated paragraph into a
/// <see cref="TextItem"/>.
/// </summary>
/// <remarks>
/// The encoding is taken from a byte order mark (UTF-8, UTF-16 or UTF-32, either byte order), else UTF-16 when zero
/// bytes show it, else UTF-8 when the bytes are valid UTF-8, else Windows-1252. The chosen encoding is stored in <see cref="ParsedDocument.Metadata"/>
/// under <c>encoding</c>. Control characters other than line feed and tab are removed. The instance is stateless and
/// safe for concurrent use.
/// </remarks>
public sealed partial class PlainTextParser : IDocumentParser
{
    private static readonly string[] SupportedMediaTypes = [Parsing.MediaTypes.PlainText];

    private readonly ILogger _logger;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="logger">The logger, or <see langword="null"/> to log nothing.</param>
    public PlainTextParser(ILogger<PlainTextParser>? logger = null)
    {
        _logger = logger ?? NullLogger<PlainTextParser>.Instance;
    }

    /// <inheritdoc/>
    /// <value>Always <c>text</c>.</value>
    public string Id => "text";

    /// <inheritdoc/>
    /// <value><c>text/plain</c>.</value>
    public IReadOnlyCollection<string> MediaTypes => SupportedMediaTypes;

    /// <inheritdoc/>
    /// <exception cref="Errors.DocumentParseException">The file contains no text other than whitespace (reason <c>empty</c>).</exception>
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
        Log.EncodingDetected(_logger, source.Name, decoded.EncodingName);

        var text = TextCleaner.RemoveControlCharacters(TextCleaner.NormalizeLineEnds(decoded.Text));
        var items = SplitParagraphs(text);
        if (items.Count == 0)
        {
            var empty = ParseFailures.Empty(source.Name);
            Log.ParseFailed(_logger, null, source.Name, empty.Reason, empty.Message);
            throw empty;
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
            Metadata = new Dictionary<string, string> { ["encoding"] = decoded.EncodingName },
        };
    }

    /// <summary>
    /// Splits text at blank lines. Line breaks inside a paragraph are kept because plain text often uses them for
    /// addresses, lists and verse; trailing spaces of each line are dropped. Text without any blank line uses line
    /// breaks as paragraph breaks (as text copied from web pages does), so each line is a paragraph.
    /// </summary>
    internal static List<ContentItem> SplitParagraphs(string text)
    {
        var items = new List<ContentItem>();
        var paragraph = new List<string>();
        var lineIsParagraph = !BlankLine().IsMatch(text.Trim('\n'));

        foreach (var line in text.Split('\n'))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                AddParagraph(items, paragraph);
                continue;
            }

            paragraph.Add(line.TrimEnd());
            if (lineIsParagraph)
            {
                AddParagraph(items, paragraph);
            }
        }

        AddParagraph(items, paragraph);
        return items;
    }

    private static void AddParagraph(List<ContentItem> items, List<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        // Common indentation is removed so an indented block does not start every item with spaces.
        var indent = lines.Min(line => line.Length - line.TrimStart().Length);
        items.Add(new TextItem(string.Join('\n', lines.Select(line => line[indent..]))));
        lines.Clear();
    }

    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex BlankLine();
}
