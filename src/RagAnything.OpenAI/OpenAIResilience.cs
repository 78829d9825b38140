using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace RagAnything.OpenAI;

/// <summary>
/// Builds the Polly pipeline around every call to an endpoint: retries for rate limits, server errors and dropped
/// connections (outer), and a timeout for each attempt (inner), so a timed-out attempt is not retried.
/// </summary>
internal static class OpenAIResilience
{
    // The first wait when a response sets no Retry-After; it doubles with jitter on each retry.
    private static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(1);

    // A server asking for a longer wait is still retried after this, so a wrong header cannot stall ingestion for hours.
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(60);

    public static ResiliencePipeline Create(OpenAIEndpointOptions options, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };

        // Polly rejects MaxRetryAttempts = 0, so no retries means no retry strategy at all.
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = BaseDelay,
                MaxDelay = MaxDelay,
                ShouldHandle = arguments => ValueTask.FromResult(arguments.Outcome.Exception is { } exception && OpenAIErrors.IsTransient(exception)),
                DelayGenerator = arguments => ValueTask.FromResult(OpenAIErrors.RetryAfter(arguments.Outcome.Exception, time.GetUtcNow(), MaxDelay)),
                OnRetry = arguments =>
                {
                    var reason = arguments.Outcome.Exception?.GetType().Name ?? "an unknown failure";
                    if (arguments.Outcome.Exception is System.ClientModel.ClientResultException result)
                    {
                        reason = $"status {result.Status}";
                    }

                    OpenAILog.Retrying(logger, options.Model, reason, arguments.AttemptNumber + 1, options.MaxRetries, (long)arguments.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.AddTimeout(options.Timeout).Build();
    }
}
