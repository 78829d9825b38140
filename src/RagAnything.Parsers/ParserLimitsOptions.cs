namespace RagAnything.Parsing;

/// <summary>
/// Limits that keep one hostile or oversized document from exhausting memory or time. The PDF parser applies them.
/// </summary>
public sealed class ParserLimitsOptions
{
    /// <summary>
    /// The default maximum input size: 256 MiB. Parsing keeps the whole file in memory plus the extracted content, so
    /// the limit bounds memory per document while admitting large scanned reports.
    /// </summary>
    public const long DefaultMaxInputBytes = 256L * 1024 * 1024;

    /// <summary>
    /// The default maximum page count: 5,000. Real reports and books stay far below it, while a generated file with
    /// millions of empty pages is rejected before any page is read.
    /// </summary>
    public const int DefaultMaxPages = 5_000;

    /// <summary>
    /// The default time one document may take: 10 minutes. A 100-page text PDF parses in seconds, and a scanned
    /// document that needs OCR takes several seconds per page, so the limit only stops runaway parses.
    /// </summary>
    public static readonly TimeSpan DefaultParseTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Gets or sets the largest input, in bytes, that is parsed at all.</summary>
    /// <value>The default is <see cref="DefaultMaxInputBytes"/> (256 MiB).</value>
    public long MaxInputBytes { get; set; } = DefaultMaxInputBytes;

    /// <summary>Gets or sets the largest number of pages a document may have.</summary>
    /// <value>The default is <see cref="DefaultMaxPages"/> (5,000).</value>
    public int MaxPages { get; set; } = DefaultMaxPages;

    /// <summary>Gets or sets how long parsing one document may take before it fails with a timeout.</summary>
    /// <value>The default is <see cref="DefaultParseTimeout"/> (10 minutes).</value>
    public TimeSpan ParseTimeout { get; set; } = DefaultParseTimeout;

    /// <summary>Gets or sets the scheduling priority of the thread that reads a PDF.</summary>
    /// <value>
    /// The default is <see cref="ThreadPriority.BelowNormal"/> (nice 10 on Linux), so that a long parse yields the CPU to
    /// request handling in the same process. <see cref="ThreadPriority.Normal"/> and <see cref="ThreadPriority.Lowest"/>
    /// are also accepted. See <see cref="RagAnything.Threading.WorkerThreadPriority"/>.
    /// </value>
    public ThreadPriority ParseThreadPriority { get; set; } = ThreadPriority.BelowNormal;
}
