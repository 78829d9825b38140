using Microsoft.Extensions.Options;
using RagAnything.Threading;

namespace RagAnything.Parsing;

/// <summary>
/// Checks <see cref="ParserLimitsOptions"/> and reports every invalid value at once.
/// </summary>
internal sealed class ParserLimitsOptionsValidator : IValidateOptions<ParserLimitsOptions>
{
    public static readonly ParserLimitsOptionsValidator Instance = new();

    public ValidateOptionsResult Validate(string? name, ParserLimitsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var failures = new List<string>();
        if (options.MaxInputBytes <= 0)
        {
            failures.Add($"ParserLimitsOptions.MaxInputBytes must be positive; it is {options.MaxInputBytes}.");
        }

        if (options.MaxPages <= 0)
        {
            failures.Add($"ParserLimitsOptions.MaxPages must be positive; it is {options.MaxPages}.");
        }

        if (options.ParseTimeout <= TimeSpan.Zero && options.ParseTimeout != Timeout.InfiniteTimeSpan)
        {
            failures.Add($"ParserLimitsOptions.ParseTimeout must be positive or Timeout.InfiniteTimeSpan; it is {options.ParseTimeout}.");
        }

        if (!WorkerThreadPriority.IsSupported(options.ParseThreadPriority))
        {
            failures.Add($"ParserLimitsOptions.ParseThreadPriority must be Normal, BelowNormal or Lowest, because raising a thread's priority needs privileges; it is {options.ParseThreadPriority}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
