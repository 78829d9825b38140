using System.Diagnostics;
using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.Logging;
using RagAnything.Content;
using RagAnything.Errors;

namespace RagAnything.Parsing;

/// <summary>
/// Runs the steps that every Office parser shares: the package check, the read on a thread-pool thread, the mapping of
/// library exceptions to <see cref="DocumentParseException"/>, and logging.
/// </summary>
internal static class OfficeParseRunner
{
    public static ValueTask<ParsedDocument> RunAsync(
        IDocumentParser parser,
        string format,
        DocumentSource source,
        string mediaType,
        OfficeParseContextFactory contextFactory,
        Func<Stream, OfficeParseContext, Task<OfficeReadResult>> read,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ParseFailures.ThrowIfUnsupported(parser, mediaType);

        // OpenXml is synchronous and CPU-bound, so the whole read leaves the caller's thread.
        var task = Task.Run(() => ParseAsync(parser, format, source, mediaType, contextFactory, read, cancellationToken), cancellationToken);
        return new ValueTask<ParsedDocument>(task);
    }

    private static async Task<ParsedDocument> ParseAsync(
        IDocumentParser parser,
        string format,
        DocumentSource source,
        string mediaType,
        OfficeParseContextFactory contextFactory,
        Func<Stream, OfficeParseContext, Task<OfficeReadResult>> read,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var logger = contextFactory.Logger;
        OfficeLog.ParseStarted(logger, source.Name, source.Content.Length, format, parser.Id);

        try
        {
            var context = contextFactory.Create(source, cancellationToken);
            var (entryCount, decompressed) = OfficePackageGuard.Check(source, format, context.Options, cancellationToken);
            OfficeLog.PackageChecked(logger, source.Name, entryCount, decompressed);

            using var stream = OfficePackageStream.Open(source.Content);
            var result = await read(stream, context).ConfigureAwait(false);
            if (result.Items.Count == 0)
            {
                throw ParseFailures.Empty(source.Name);
            }

            OfficeLog.ParseCompleted(logger, source.Name, result.Items.Count, result.PageCount, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return new ParsedDocument
            {
                SourceName = source.Name,
                MediaType = mediaType,
                Sha256 = source.Sha256,
                Size = source.Content.Length,
                PageCount = Math.Max(result.PageCount, 1),
                Items = result.Items,
                Metadata = result.Metadata,
                Warnings = context.Warnings,
            };
        }
        catch (DocumentParseException failure)
        {
            OfficeLog.ParseFailed(logger, failure.InnerException, failure.SourceName, failure.Reason, failure.Message);
            throw;
        }
        catch (Exception exception) when (IsPackageFailure(exception))
        {
            var failure = ParseFailures.Corrupt(source.Name, format, exception);
            OfficeLog.ParseFailed(logger, exception, failure.SourceName, failure.Reason, failure.Message);
            throw failure;
        }
    }

    /// <summary>Opens settings shared by the three parsers: read-only, no automatic save, no markup processing.</summary>
    /// <remarks>
    /// DocumentFormat.OpenXml 3.x removed <c>RelationshipErrorHandlerFactory</c>: since 3.0 the SDK itself replaces a
    /// malformed relationship target (such as a broken hyperlink URI) with a placeholder, so such a package still
    /// opens. NOTE: the SDK (3.3.0) does not rewrite a URI that <see cref="Uri.TryCreate(string, UriKind, out Uri)"/>
    /// accepts but <see cref="System.IO.Packaging"/> rejects, so a package with such a link still fails as <c>corrupt</c>.
    /// </remarks>
    public static OpenSettings CreateOpenSettings() => new() { AutoSave = false };

    public static Dictionary<string, string> CreateMetadata(OpenXmlPackage package, int pageCount)
    {
        var metadata = new Dictionary<string, string> { ["pageCount"] = pageCount.ToString(CultureInfo.InvariantCulture) };
        AddIfPresent(metadata, "title", package.PackageProperties.Title);
        AddIfPresent(metadata, "author", package.PackageProperties.Creator);
        return metadata;
    }

    private static void AddIfPresent(Dictionary<string, string> metadata, string key, string? value)
    {
        var cleaned = TextCleaner.CollapseWhitespace(TextCleaner.RemoveControlCharacters(value ?? string.Empty));
        if (cleaned.Length > 0)
        {
            metadata[key] = cleaned;
        }
    }

    /// <summary>
    /// Returns whether an exception means the package cannot be read. These are the types that System.IO.Packaging,
    /// System.IO.Compression, the XML reader and OpenXml raise on damaged input.
    /// </summary>
    private static bool IsPackageFailure(Exception exception) =>
        exception is OpenXmlPackageException or InvalidDataException or XmlException or FileFormatException
            or IOException or UriFormatException or NotSupportedException;
}
