using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace RagAnything.Parsing;

/// <summary>
/// Checks every setting of <see cref="OcrOptions"/> and reports all invalid ones at once, each with its value.
/// </summary>
internal sealed partial class OcrOptionsValidator : IValidateOptions<OcrOptions>
{
    /// <summary>Tesseract's highest page segmentation mode, 13 ("raw line").</summary>
    private const int MaxPageSegmentationMode = 13;

    public static OcrOptionsValidator Instance { get; } = new();

    public ValidateOptionsResult Validate(string? name, OcrOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var failures = new List<string>();

        if (!IsLanguageList(options.Languages))
        {
            failures.Add($"Ocr:Languages is '{options.Languages}'; it must be Tesseract language codes joined by '+', such as 'eng' or 'eng+kor'.");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            failures.Add($"Ocr:Timeout is {options.Timeout}; it must be positive.");
        }

        if (string.IsNullOrWhiteSpace(options.TesseractPath))
        {
            failures.Add("Ocr:TesseractPath is empty; set it to 'tesseract' or to the full path of the program.");
        }

        if (options.PageSegmentationMode is < 0 or > MaxPageSegmentationMode)
        {
            failures.Add($"Ocr:PageSegmentationMode is {options.PageSegmentationMode}; it must be from 0 to {MaxPageSegmentationMode}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>
    /// Returns whether <paramref name="languages"/> is a '+'-joined list of language codes. The check also keeps
    /// the value from being read as a command-line option by Tesseract, because a code cannot start with '-'.
    /// </summary>
    public static bool IsLanguageList(string? languages) => languages is not null && LanguageList().IsMatch(languages);

    [GeneratedRegex(@"^[A-Za-z0-9_]+(\+[A-Za-z0-9_]+)*$")]
    private static partial Regex LanguageList();
}
