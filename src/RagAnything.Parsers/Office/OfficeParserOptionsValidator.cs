using Microsoft.Extensions.Options;

namespace RagAnything.Parsing;

/// <summary>
/// Checks every setting of <see cref="OfficeParserOptions"/> and reports all invalid ones at once, each with its value.
/// </summary>
internal sealed class OfficeParserOptionsValidator : IValidateOptions<OfficeParserOptions>
{
    public ValidateOptionsResult Validate(string? name, OfficeParserOptions options)
    {
        var failures = new List<string>();

        if (options.MaxDecompressedBytes < 1)
        {
            failures.Add($"MaxDecompressedBytes is {options.MaxDecompressedBytes}; it must be positive.");
        }

        if (!(options.MaxCompressionRatio >= 1))
        {
            failures.Add($"MaxCompressionRatio is {options.MaxCompressionRatio}; it must be at least 1.");
        }

        if (options.MaxRowsPerTable < 1)
        {
            failures.Add($"MaxRowsPerTable is {options.MaxRowsPerTable}; it must be at least 1.");
        }

        if (options.MaxImages < 0)
        {
            failures.Add($"MaxImages is {options.MaxImages}; it must be 0 or more (0 skips all images).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Returns the options when they are valid, for parsers created without dependency injection.</summary>
    /// <exception cref="ArgumentException">One or more settings are invalid.</exception>
    public static OfficeParserOptions EnsureValid(IOptions<OfficeParserOptions>? options)
    {
        var value = options?.Value ?? new OfficeParserOptions();
        var result = new OfficeParserOptionsValidator().Validate(null, value);
        if (result.Failed)
        {
            throw new ArgumentException($"Invalid {nameof(OfficeParserOptions)}: {result.FailureMessage}", nameof(options));
        }

        return value;
    }
}
