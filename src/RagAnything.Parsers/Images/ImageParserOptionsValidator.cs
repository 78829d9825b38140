using Microsoft.Extensions.Options;

namespace RagAnything.Parsing;

/// <summary>
/// Checks the settings of <see cref="ImageParserOptions"/>.
/// </summary>
internal sealed class ImageParserOptionsValidator : IValidateOptions<ImageParserOptions>
{
    public static ImageParserOptionsValidator Instance { get; } = new();

    public ValidateOptionsResult Validate(string? name, ImageParserOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        return options.MaxPixels < 1
            ? ValidateOptionsResult.Fail($"ImageParser:MaxPixels is {options.MaxPixels}; it must be at least 1.")
            : ValidateOptionsResult.Success;
    }
}
