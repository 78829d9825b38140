using Microsoft.Extensions.Options;

namespace RagAnything.Parsing;

/// <summary>
/// Checks <see cref="PdfParserOptions"/> and reports every invalid value at once.
/// </summary>
internal sealed class PdfParserOptionsValidator : IValidateOptions<PdfParserOptions>
{
    public static readonly PdfParserOptionsValidator Instance = new();

    public ValidateOptionsResult Validate(string? name, PdfParserOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var failures = new List<string>();
        if (options.MaxImagesPerDocument < 0)
        {
            failures.Add($"PdfParserOptions.MaxImagesPerDocument must be 0 or more; it is {options.MaxImagesPerDocument}.");
        }

        if (options.MinImageSize < 1)
        {
            failures.Add($"PdfParserOptions.MinImageSize must be at least 1 pixel; it is {options.MinImageSize}.");
        }

        if (options.MaxImageBytes < 1)
        {
            failures.Add($"PdfParserOptions.MaxImageBytes must be positive; it is {options.MaxImageBytes}.");
        }

        if (options.OcrLanguages is not null && !OcrOptionsValidator.IsLanguageList(options.OcrLanguages))
        {
            failures.Add($"PdfParserOptions.OcrLanguages must be Tesseract language codes joined by '+', such as 'eng+fra'; it is '{options.OcrLanguages}'.");
        }

        if (options.RenderDpi is < 72 or > 600)
        {
            failures.Add($"PdfParserOptions.RenderDpi must be between 72 and 600; it is {options.RenderDpi}.");
        }

        if (string.IsNullOrWhiteSpace(options.PdftoppmPath))
        {
            failures.Add("PdfParserOptions.PdftoppmPath must name a program.");
        }

        if (options.RenderTimeout <= TimeSpan.Zero)
        {
            failures.Add($"PdfParserOptions.RenderTimeout must be positive; it is {options.RenderTimeout}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
