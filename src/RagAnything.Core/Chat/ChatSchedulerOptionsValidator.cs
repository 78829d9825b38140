using Microsoft.Extensions.Options;

namespace RagAnything.Chat;

/// <summary>
/// Checks that the scheduler's limits are positive and ordered, and reports all invalid values at once.
/// </summary>
internal sealed class ChatSchedulerOptionsValidator : IValidateOptions<ChatSchedulerOptions>
{
    public ValidateOptionsResult Validate(string? name, ChatSchedulerOptions options)
    {
        var failures = new List<string>();
        if (options.MinConcurrency < 1)
        {
            failures.Add($"ChatScheduler:MinConcurrency is {options.MinConcurrency}; it must be at least 1.");
        }

        if (options.MaxConcurrency < options.MinConcurrency)
        {
            failures.Add($"ChatScheduler:MaxConcurrency is {options.MaxConcurrency}; it must be at least MinConcurrency ({options.MinConcurrency}).");
        }

        if (options.InitialConcurrency < options.MinConcurrency || options.InitialConcurrency > options.MaxConcurrency)
        {
            failures.Add($"ChatScheduler:InitialConcurrency is {options.InitialConcurrency}; it must be from MinConcurrency ({options.MinConcurrency}) to MaxConcurrency ({options.MaxConcurrency}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
