using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RagAnything.Content;

namespace RagAnything.Parsing;

/// <summary>
/// Reads comma-, semicolon-, tab- and pipe-separated files into <see cref="TableItem"/> items of bounded size.
/// </summary>
/// <remarks>
/// The encoding is chosen like the plain-text parser does (byte order mark, UTF-16 zero bytes, valid UTF-8, else
/// Windows-1252). The delimiter is the candidate that gives the most consistent field count over the first records, and
/// header rows are detected from where the numbers start. Records stream from the bytes into tables of at most
/// <see cref="CsvParserOptions.RowsPerTable"/> data rows, and each table repeats the header rows. Short rows are padded
/// with empty cells, so every row of a table has the same width. Metadata contains <c>encoding</c>, <c>delimiter</c>,
/// <c>rowCount</c> (data rows) and <c>headerRowCount</c>. The instance is stateless and safe for concurrent use.
/// </remarks>
public sealed class CsvParser : IDocumentParser
{
    /// <summary>How much text the delimiter and header detection look at: enough for dozens of wide records.</summary>
    private const int SampleCharacters = 64 * 1024;

    /// <summary>How many records the header detection compares.</summary>
    private const int HeaderSampleRecords = 50;

    /// <summary>How often, in records, the parser checks for cancellation.</summary>
    private const int CancellationCheckInterval = 1024;

    private static readonly string[] SupportedMediaTypes = [Parsing.MediaTypes.Csv, Parsing.MediaTypes.Tsv];

    private readonly CsvParserOptions _options;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="options">The parser settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="logger">The logger, or <see langword="null"/> to log nothing.</param>
    /// <exception cref="OptionsValidationException">A setting is invalid.</exception>
    public CsvParser(IOptions<CsvParserOptions>? options = null, ILogger<CsvParser>? logger = null)
    {
        _options = options?.Value ?? new CsvParserOptions();
        _logger = logger ?? NullLogger<CsvParser>.Instance;

        var validation = CsvParserOptionsValidator.Instance.Validate(Options.DefaultName, _options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(CsvParserOptions), validation.Failures);
        }
    }

    /// <inheritdoc/>
    /// <value>Always <c>csv</c>.</value>
    public string Id => "csv";

    /// <inheritdoc/>
    /// <value><c>text/csv</c> and <c>text/tab-separated-values</c>.</value>
    public IReadOnlyCollection<string> MediaTypes => SupportedMediaTypes;

    /// <inheritdoc/>
    /// <exception cref="Errors.DocumentParseException">The file contains no record (reason <c>empty</c>).</exception>
    public ValueTask<ParsedDocument> ParseAsync(DocumentSource source, string mediaType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ParseFailures.ThrowIfUnsupported(this, mediaType);
        cancellationToken.ThrowIfCancellationRequested();

        var started = Stopwatch.GetTimestamp();
        WebImageLog.ParseStarted(_logger, source.Name, source.Content.Length, mediaType, Id);

        var (encoding, preambleLength) = CsvEncodingDetector.Detect(source.Content.Span);
        var content = source.Content[preambleLength..];
        var preferred = string.Equals(mediaType, Parsing.MediaTypes.Tsv, StringComparison.OrdinalIgnoreCase) ? '\t' : ',';
        var (sample, sampleIsComplete) = ReadSample(content, encoding);
        var delimiter = CsvDelimiterDetector.Detect(sample, sampleIsComplete, preferred);
        var headerRowCount = CsvHeaderDetector.Detect(ReadRecords(sample, delimiter, HeaderSampleRecords));
        WebImageLog.CsvDialectDetected(_logger, source.Name, encoding.WebName, DescribeDelimiter(delimiter), headerRowCount);

        using var reader = new StreamReader(OpenStream(content), encoding, detectEncodingFromByteOrderMarks: false);
        var csv = new CsvReader(reader, delimiter);
        var builder = new CsvTableBuilder(headerRowCount, _options.RowsPerTable);
        var fields = new List<string>();
        while (csv.TryReadRecord(fields))
        {
            if (builder.RecordCount % CancellationCheckInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            builder.Add(fields);
        }

        var warnings = new List<string>();
        if (csv.EndedInsideQuotes)
        {
            WebImageLog.CsvUnterminatedQuote(_logger, source.Name, csv.UnterminatedRecordLineNumber);
            warnings.Add($"The file ends inside a quoted field of the record that starts on line {csv.UnterminatedRecordLineNumber}; the rest of the file was read as that field.");
        }

        var items = builder.Complete();
        if (items.Count == 0)
        {
            var empty = ParseFailures.Empty(source.Name);
            WebImageLog.ParseFailed(_logger, source.Name, empty.Reason, empty.Message);
            throw empty;
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
            Metadata = new Dictionary<string, string>
            {
                ["encoding"] = encoding.WebName,
                ["delimiter"] = delimiter.ToString(),
                ["headerRowCount"] = builder.HeaderRowCount.ToString(CultureInfo.InvariantCulture),
                ["rowCount"] = builder.DataRowCount.ToString(CultureInfo.InvariantCulture),
            },
            Warnings = warnings,
        });
    }

    private static (string Sample, bool IsComplete) ReadSample(ReadOnlyMemory<byte> content, Encoding encoding)
    {
        using var reader = new StreamReader(OpenStream(content), encoding, detectEncodingFromByteOrderMarks: false);
        var buffer = new char[SampleCharacters];
        var length = reader.ReadBlock(buffer, 0, buffer.Length);
        return (new string(buffer, 0, length), reader.Peek() < 0);
    }

    private static List<IReadOnlyList<string>> ReadRecords(string sample, char delimiter, int maxRecords)
    {
        var reader = new CsvReader(new StringReader(sample), delimiter);
        var records = new List<IReadOnlyList<string>>();
        var fields = new List<string>();
        while (records.Count < maxRecords && reader.TryReadRecord(fields))
        {
            records.Add(fields.ToArray());
        }

        return records;
    }

    private static MemoryStream OpenStream(ReadOnlyMemory<byte> content) =>
        MemoryMarshal.TryGetArray(content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);

    private static string DescribeDelimiter(char delimiter) => delimiter == '\t' ? "tab" : $"'{delimiter}'";
}
