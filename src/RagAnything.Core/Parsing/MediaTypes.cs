namespace RagAnything.Parsing;

/// <summary>
/// Media type names used by the bundled parsers.
/// </summary>
public static class MediaTypes
{
    /// <summary>Plain text.</summary>
    public const string PlainText = "text/plain";

    /// <summary>Markdown.</summary>
    public const string Markdown = "text/markdown";

    /// <summary>PDF.</summary>
    public const string Pdf = "application/pdf";

    /// <summary>HTML.</summary>
    public const string Html = "text/html";

    /// <summary>Comma-separated values.</summary>
    public const string Csv = "text/csv";

    /// <summary>Tab-separated values.</summary>
    public const string Tsv = "text/tab-separated-values";

    /// <summary>Word document (Office Open XML).</summary>
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>Excel workbook (Office Open XML).</summary>
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>PowerPoint presentation (Office Open XML).</summary>
    public const string Pptx = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    /// <summary>A ZIP archive that is not a recognised Office document.</summary>
    public const string Zip = "application/zip";

    /// <summary>PNG image.</summary>
    public const string Png = "image/png";

    /// <summary>JPEG image.</summary>
    public const string Jpeg = "image/jpeg";

    /// <summary>GIF image.</summary>
    public const string Gif = "image/gif";

    /// <summary>BMP image.</summary>
    public const string Bmp = "image/bmp";

    /// <summary>TIFF image.</summary>
    public const string Tiff = "image/tiff";

    /// <summary>WebP image.</summary>
    public const string WebP = "image/webp";

    /// <summary>Unknown binary content.</summary>
    public const string OctetStream = "application/octet-stream";
}
