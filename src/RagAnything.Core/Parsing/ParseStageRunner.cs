using System.Diagnostics;
using RagAnything.Content;
using RagAnything.Errors;

namespace RagAnything.Parsing;

/// <summary>
/// Runs one parser call for the ingestion pipeline: looks up the parse cache, records statistics, stores the result
/// and adds the extension-mismatch warning.
/// </summary>
internal static class ParseStageRunner
{
    public static async ValueTask<ParsedDocument> ParseAsync(
        IDocumentParser parser,
        DocumentSource source,
        MediaTypeDetection detection,
        IParseCache? cache,
        IParserStatistics? statistics,
        CancellationToken cancellationToken)
    {
        var key = ParseCacheKey.Create(source.Sha256, parser);
        var cached = cache is null ? null : await cache.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (cached is not null)
        {
            statistics?.RecordCacheHit(parser.Id, detection.MediaType);
            return ForSource(cached, source, detection);
        }

        var parsed = await ParseAndRecordAsync(parser, source, detection.MediaType, statistics, cancellationToken).ConfigureAwait(false);

        // The entry is stored without the mismatch warning and the file name, because both belong to the request.
        if (cache is not null)
        {
            await cache.SetAsync(key, parsed, cancellationToken).ConfigureAwait(false);
        }

        return ForSource(parsed, source, detection);
    }

    private static async ValueTask<ParsedDocument> ParseAndRecordAsync(
        IDocumentParser parser,
        DocumentSource source,
        string mediaType,
        IParserStatistics? statistics,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var parsed = await parser.ParseAsync(source, mediaType, cancellationToken).ConfigureAwait(false);
            statistics?.RecordSuccess(parser.Id, mediaType, parsed, Stopwatch.GetElapsedTime(started));
            return parsed;
        }
        catch (RagAnythingException failure)
        {
            statistics?.RecordFailure(parser.Id, mediaType, failure.Category, Stopwatch.GetElapsedTime(started));
            throw;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // An exception a parser did not classify is a bug or a damaged file; retrying the same bytes will not help.
            statistics?.RecordFailure(parser.Id, mediaType, ErrorCategory.Permanent, Stopwatch.GetElapsedTime(started));
            throw;
        }
    }

    private static ParsedDocument ForSource(ParsedDocument document, DocumentSource source, MediaTypeDetection detection)
    {
        var sameName = string.Equals(document.SourceName, source.Name, StringComparison.Ordinal);
        if (sameName && detection.Warning is null)
        {
            return document;
        }

        var warnings = detection.Warning is null ? document.Warnings : [.. document.Warnings, detection.Warning];
        return document with { SourceName = source.Name, Warnings = warnings };
    }
}
