namespace RagAnything.Parsing;

/// <summary>
/// Maps file extensions to the media types they conventionally name.
/// </summary>
internal static class ExtensionMediaTypes
{
    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = MediaTypes.PlainText,
        [".text"] = MediaTypes.PlainText,
        [".md"] = MediaTypes.Markdown,
        [".markdown"] = MediaTypes.Markdown,
        [".csv"] = MediaTypes.Csv,
        [".tsv"] = MediaTypes.Tsv,
        [".html"] = MediaTypes.Html,
        [".htm"] = MediaTypes.Html,
        [".pdf"] = MediaTypes.Pdf,
        [".docx"] = MediaTypes.Docx,
        [".xlsx"] = MediaTypes.Xlsx,
        [".pptx"] = MediaTypes.Pptx,
        [".zip"] = MediaTypes.Zip,
        [".png"] = MediaTypes.Png,
        [".jpg"] = MediaTypes.Jpeg,
        [".jpeg"] = MediaTypes.Jpeg,
        [".gif"] = MediaTypes.Gif,
        [".bmp"] = MediaTypes.Bmp,
        [".tif"] = MediaTypes.Tiff,
        [".tiff"] = MediaTypes.Tiff,
        [".webp"] = MediaTypes.WebP,
    };

    /// <summary>Returns the media type named by the extension of <paramref name="fileName"/>, or null.</summary>
    public static string? FromFileName(string fileName) =>
        ByExtension.GetValueOrDefault(Path.GetExtension(fileName));

    /// <summary>Returns whether <paramref name="mediaType"/> is a text format that only the extension can tell apart.</summary>
    public static bool IsTextLike(string mediaType) =>
        mediaType is MediaTypes.PlainText or MediaTypes.Markdown or MediaTypes.Csv or MediaTypes.Tsv or MediaTypes.Html;
}
