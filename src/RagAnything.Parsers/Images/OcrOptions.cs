namespace RagAnything.Parsing;

/// <summary>
/// Settings of optical character recognition with the Tesseract command-line program.
/// </summary>
public sealed class OcrOptions
{
    /// <summary>
    /// The default language list. English is the only language that every Tesseract installation ships
    /// (Debian's tesseract-ocr depends on tesseract-ocr-eng), so the default does not fail for a missing language file on a standard installation.
    /// </summary>
    public const string DefaultLanguages = "eng";

    /// <summary>
    /// The default timeout per image: 60 seconds. A full page scan takes a few seconds on one core, so a minute
    /// leaves room for large images on a loaded machine while still stopping an engine that hangs.
    /// </summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The default program name, looked up on the <c>PATH</c> like a shell would.</summary>
    public const string DefaultTesseractPath = "tesseract";

    /// <summary>
    /// The default page segmentation mode, 3: fully automatic layout analysis without orientation detection. It
    /// handles pages, screenshots and tables; orientation detection (mode 1) needs the extra <c>osd</c> data file.
    /// </summary>
    public const int DefaultPageSegmentationMode = 3;

    /// <summary>Gets or sets a value indicating whether OCR runs at all.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Gets or sets the languages to recognise: Tesseract language codes joined by <c>+</c>, such as <c>eng+kor</c>.
    /// Each language needs its data file, for example the Debian package <c>tesseract-ocr-kor</c>.
    /// </summary>
    /// <value>The default is <see cref="DefaultLanguages"/> (<c>eng</c>).</value>
    public string Languages { get; set; } = DefaultLanguages;

    /// <summary>Gets or sets how long one image may take before the engine is stopped and OCR is skipped for it.</summary>
    /// <value>The default is <see cref="DefaultTimeout"/> (60 seconds).</value>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>Gets or sets the Tesseract program: a name looked up on the <c>PATH</c> or a full path.</summary>
    /// <value>The default is <see cref="DefaultTesseractPath"/> (<c>tesseract</c>).</value>
    public string TesseractPath { get; set; } = DefaultTesseractPath;

    /// <summary>Gets or sets Tesseract's page segmentation mode (<c>--psm</c>), from 0 to 13.</summary>
    /// <value>The default is <see cref="DefaultPageSegmentationMode"/> (3).</value>
    public int PageSegmentationMode { get; set; } = DefaultPageSegmentationMode;
}
