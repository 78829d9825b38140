namespace RagAnything.Parsing;

/// <summary>
/// Settings of the PDF parser: embedded images, table detection and OCR of scanned pages.
/// </summary>
public sealed class PdfParserOptions
{
    /// <summary>
    /// The default maximum number of images kept per document: 200. Beyond that a document is usually a catalogue of
    /// icons or tiles, and each kept image costs a blob write and a modal-processing call.
    /// </summary>
    public const int DefaultMaxImagesPerDocument = 200;

    /// <summary>
    /// The default minimum image width and height: 32 pixels. Smaller images are icons, bullets and rule fragments
    /// that carry no content worth describing.
    /// </summary>
    public const int DefaultMinImageSize = 32;

    /// <summary>
    /// The default maximum size of one image's bytes: 20 MiB, which admits a full-page 300 dpi colour scan while
    /// skipping raw multi-hundred-megabyte rasters.
    /// </summary>
    public const int DefaultMaxImageBytes = 20 * 1024 * 1024;

    /// <summary>
    /// The default rendering resolution for OCR: 300 dpi, the resolution at which Tesseract's models read body text
    /// reliably; lower resolutions lose small print.
    /// </summary>
    public const int DefaultRenderDpi = 300;

    /// <summary>The default rendering program, looked up on the <c>PATH</c> (Debian package poppler-utils).</summary>
    public const string DefaultPdftoppmPath = "pdftoppm";

    /// <summary>
    /// The default time one page render may take: 60 seconds, far above the second or two a page normally takes, so
    /// only a stuck renderer is stopped.
    /// </summary>
    public static readonly TimeSpan DefaultRenderTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets the maximum number of images kept per document; later images are skipped with a warning.</summary>
    /// <value>The default is <see cref="DefaultMaxImagesPerDocument"/> (200).</value>
    public int MaxImagesPerDocument { get; set; } = DefaultMaxImagesPerDocument;

    /// <summary>Gets or sets the minimum width and height in pixels of an image that is kept.</summary>
    /// <value>The default is <see cref="DefaultMinImageSize"/> (32).</value>
    public int MinImageSize { get; set; } = DefaultMinImageSize;

    /// <summary>Gets or sets the maximum encoded size in bytes of an image that is kept.</summary>
    /// <value>The default is <see cref="DefaultMaxImageBytes"/> (20 MiB).</value>
    public int MaxImageBytes { get; set; } = DefaultMaxImageBytes;

    /// <summary>Gets or sets a value indicating whether tables are detected from word positions and ruling lines.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool DetectTables { get; set; } = true;

    /// <summary>
    /// Gets or sets the OCR languages for pages without a text layer, as Tesseract codes joined by <c>+</c> (such as
    /// <c>eng+fra</c>), or <see langword="null"/> to use <see cref="OcrOptions.Languages"/>.
    /// </summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? OcrLanguages { get; set; }

    /// <summary>Gets or sets the resolution in dots per inch at which pages without a text layer are rendered for OCR.</summary>
    /// <value>The default is <see cref="DefaultRenderDpi"/> (300).</value>
    public int RenderDpi { get; set; } = DefaultRenderDpi;

    /// <summary>Gets or sets the <c>pdftoppm</c> program: a name looked up on the <c>PATH</c> or a full path.</summary>
    /// <value>The default is <see cref="DefaultPdftoppmPath"/>.</value>
    public string PdftoppmPath { get; set; } = DefaultPdftoppmPath;

    /// <summary>Gets or sets how long rendering one page may take before the renderer is stopped.</summary>
    /// <value>The default is <see cref="DefaultRenderTimeout"/> (60 seconds).</value>
    public TimeSpan RenderTimeout { get; set; } = DefaultRenderTimeout;
}
