using Microsoft.Extensions.Options;

namespace RagAnything.Storage.Sqlite;

/// <summary>
/// Checks <see cref="SqliteStorageOptions"/> and reports every invalid value at once.
/// </summary>
public sealed class SqliteStorageOptionsValidator : IValidateOptions<SqliteStorageOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, SqliteStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            failures.Add("SqliteStorageOptions.DatabasePath is missing. Set it to the path of the database file.");
        }

        if (options.ReaderConnections < 1)
        {
            failures.Add($"SqliteStorageOptions.ReaderConnections is {options.ReaderConnections}, but it must be at least 1.");
        }

        if (options.CommandTimeout <= TimeSpan.Zero || options.CommandTimeout.TotalSeconds > int.MaxValue)
        {
            failures.Add($"SqliteStorageOptions.CommandTimeout is {options.CommandTimeout}, but it must be positive and at most {int.MaxValue} seconds.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
