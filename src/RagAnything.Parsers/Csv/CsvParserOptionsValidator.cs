using Microsoft.Extensions.Options;

namespace RagAnything.Parsing;

/// <summary>
/// Checks the settings of <see cref="CsvParserOptions"/>.
/// </summary>
internal sealed class CsvParserOptionsValidator : IValidateOptions<CsvParserOptions>
{
    public static CsvParserOptionsValidator Instance { get; } = new();

    public ValidateOptionsResult Validate(string? name, CsvParserOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        return options.RowsPerTable < 1
            ? ValidateOptionsResult.Fail($"CsvParser:RowsPerTable is {options.RowsPerTable}; it must be at least 1.")
            : ValidateOptionsResult.Success;
    }
}
