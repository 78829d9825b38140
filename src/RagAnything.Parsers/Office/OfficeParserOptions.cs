namespace RagAnything.Parsing;

/// <summary>
/// Limits that the DOCX, XLSX and PPTX parsers apply while they read a package.
/// </summary>
/// <remarks>
/// The limits protect the process from hostile packages: a ZIP archive can declare small sizes and still expand to
/// gigabytes, so the parsers count decompressed bytes while they read instead of trusting the archive's headers.
/// </remarks>
public sealed class OfficeParserOptions
{
    /// <summary>
    /// The default cap on decompressed bytes. Real Office documents rarely expand beyond a few hundred megabytes
    /// (large embedded media included), while 512 MiB still fits comfortably in the memory of a typical server.
    /// </summary>
    public const long DefaultMaxDecompressedBytes = 512L * 1024 * 1024;

    /// <summary>
    /// The default cap on an entry's compression ratio. Repetitive XML compresses to about 10:1 to 30:1, so 200:1 leaves
    /// a wide margin for ordinary files while a ZIP bomb (often 1000:1 or more) exceeds it.
    /// </summary>
    public const double DefaultMaxCompressionRatio = 200;

    /// <summary>
    /// The entry size from which the ratio is checked. Tiny entries such as an empty sheet can reach high ratios
    /// legitimately, and they cannot expand to anything dangerous.
    /// </summary>
    public const long CompressionRatioThresholdBytes = 1024 * 1024;

    /// <summary>
    /// The default number of data rows per table item. A 200-row table stays readable for a chat model and small enough
    /// to chunk, while a sheet of 100,000 rows still becomes only 500 items.
    /// </summary>
    public const int DefaultMaxRowsPerTable = 200;

    /// <summary>
    /// The default cap on images taken from one document. Decks and reports seldom hold more than a few hundred
    /// pictures, and every image costs a blob write and, later, a vision-model call.
    /// </summary>
    public const int DefaultMaxImages = 500;

    /// <summary>Gets or sets the maximum total number of bytes that all entries of a package may decompress to.</summary>
    /// <value>The default is <see cref="DefaultMaxDecompressedBytes"/> (512 MiB).</value>
    public long MaxDecompressedBytes { get; set; } = DefaultMaxDecompressedBytes;

    /// <summary>
    /// Gets or sets the maximum ratio of decompressed to compressed size for an entry that decompresses to more than
    /// <see cref="CompressionRatioThresholdBytes"/>.
    /// </summary>
    /// <value>The default is <see cref="DefaultMaxCompressionRatio"/> (200).</value>
    public double MaxCompressionRatio { get; set; } = DefaultMaxCompressionRatio;

    /// <summary>
    /// Gets or sets the maximum number of data rows in one XLSX table item. Longer sheets are split into several items,
    /// each of which repeats the header row.
    /// </summary>
    /// <value>The default is <see cref="DefaultMaxRowsPerTable"/> (200).</value>
    public int MaxRowsPerTable { get; set; } = DefaultMaxRowsPerTable;

    /// <summary>
    /// Gets or sets the maximum number of images taken from one document. Images past the limit are skipped with a
    /// warning in <see cref="Content.ParsedDocument.Warnings"/>.
    /// </summary>
    /// <value>The default is <see cref="DefaultMaxImages"/> (500).</value>
    public int MaxImages { get; set; } = DefaultMaxImages;
}
