using Microsoft.Extensions.Options;

namespace RagAnything.Resilience;

/// <summary>
/// Checks every pipeline's settings against the ranges Polly accepts and reports all invalid values at once.
/// </summary>
internal sealed class ResilienceOptionsValidator : IValidateOptions<ResilienceOptions>
{
    public ValidateOptionsResult Validate(string? name, ResilienceOptions options)
    {
        var failures = new List<string>();
        Check(failures, nameof(options.Embedding), options.Embedding);
        Check(failures, nameof(options.Chat), options.Chat);
        Check(failures, nameof(options.Store), options.Store);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string pipeline, ResiliencePipelineOptions options)
    {
        var prefix = "Resilience:" + pipeline + ":";
        if (options.MaxRetryAttempts is < 0 or > 100)
        {
            failures.Add($"{prefix}MaxRetryAttempts is {options.MaxRetryAttempts}; it must be from 0 to 100.");
        }

        if (options.BaseDelay < TimeSpan.Zero || options.BaseDelay > TimeSpan.FromDays(1))
        {
            failures.Add($"{prefix}BaseDelay is {options.BaseDelay}; it must be from 0 to 1 day.");
        }

        if (options.MaxDelay < options.BaseDelay)
        {
            failures.Add($"{prefix}MaxDelay is {options.MaxDelay}; it must be at least BaseDelay ({options.BaseDelay}).");
        }

        // Polly.Core 8.6.5 documents the timeout as above 10 ms and below 24 hours.
        if (options.AttemptTimeout < TimeSpan.FromMilliseconds(10) || options.AttemptTimeout > TimeSpan.FromDays(1))
        {
            failures.Add($"{prefix}AttemptTimeout is {options.AttemptTimeout}; it must be from 10 ms to 1 day.");
        }

        if (options.BreakerFailureRatio is <= 0 or > 1)
        {
            failures.Add($"{prefix}BreakerFailureRatio is {options.BreakerFailureRatio}; it must be above 0 and at most 1.");
        }

        if (options.BreakerMinimumThroughput < 2)
        {
            failures.Add($"{prefix}BreakerMinimumThroughput is {options.BreakerMinimumThroughput}; it must be at least 2.");
        }

        // Polly.Core 8.6.5 documents both durations as above 0.5 seconds; the 1-day cap is this library's own.
        if (options.BreakerSamplingDuration < TimeSpan.FromMilliseconds(500) || options.BreakerSamplingDuration > TimeSpan.FromDays(1))
        {
            failures.Add($"{prefix}BreakerSamplingDuration is {options.BreakerSamplingDuration}; it must be from 500 ms to 1 day.");
        }

        if (options.BreakDuration < TimeSpan.FromMilliseconds(500) || options.BreakDuration > TimeSpan.FromDays(1))
        {
            failures.Add($"{prefix}BreakDuration is {options.BreakDuration}; it must be from 500 ms to 1 day.");
        }
    }
}
