using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace RagAnything.Resilience;

/// <summary>
/// Adds the library's strategies to a Polly pipeline builder, outermost first: retry with exponential backoff and
/// jitter, a circuit breaker, and a timeout per attempt.
/// </summary>
/// <remarks>
/// Only failures that <see cref="ErrorClassifier.IsRetryable"/> accepts are retried or counted by the breaker, so
/// validation and permanent errors fail on the first attempt. A cancellation requested by the caller is never retried.
/// </remarks>
internal static class ResiliencePipelineFactory
{
    /// <summary>Adds retry, circuit breaker and, when <paramref name="withTimeout"/> is set, the attempt timeout.</summary>
    public static void Configure(ResiliencePipelineBuilder builder, string name, ResiliencePipelineOptions options, TimeProvider time, ILogger logger, bool withTimeout = true)
    {
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(CreateRetry(name, options, time, logger));
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            ShouldHandle = ShouldHandle,
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = options.BreakerMinimumThroughput,
            SamplingDuration = options.BreakerSamplingDuration,
            BreakDuration = options.BreakDuration,
            OnOpened = args =>
            {
                ResilienceLog.CircuitOpened(logger, args.Outcome.Exception, name, (long)args.BreakDuration.TotalMilliseconds);
                return default;
            },
            OnClosed = _ =>
            {
                ResilienceLog.CircuitClosed(logger, name);
                return default;
            },
        });

        if (withTimeout)
        {
            AddTimeout(builder, name, options, logger);
        }
    }

    /// <summary>Adds only the attempt timeout, for callers that place it apart from the retries.</summary>
    public static void AddTimeout(ResiliencePipelineBuilder builder, string name, ResiliencePipelineOptions options, ILogger logger)
    {
        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Timeout = options.AttemptTimeout,
            OnTimeout = args =>
            {
                ResilienceLog.AttemptTimedOut(logger, name, (long)args.Timeout.TotalMilliseconds);
                return default;
            },
        });
    }

    private static RetryStrategyOptions CreateRetry(string name, ResiliencePipelineOptions options, TimeProvider time, ILogger logger) => new()
    {
        ShouldHandle = ShouldHandle,
        MaxRetryAttempts = options.MaxRetryAttempts,
        BackoffType = DelayBackoffType.Exponential,
        Delay = options.BaseDelay,
        MaxDelay = options.MaxDelay,
        UseJitter = options.UseJitter,

        // A server's Retry-After replaces the computed backoff, capped like it.
        DelayGenerator = args =>
        {
            TimeSpan? delay = RetryAfterHint.TryGet(args.Outcome.Exception, time.GetUtcNow(), out var wait)
                ? (wait < options.MaxDelay ? wait : options.MaxDelay)
                : null;
            return ValueTask.FromResult(delay);
        },
        OnRetry = args =>
        {
            var exception = args.Outcome.Exception;
            var category = exception is null ? ErrorCategory.Transient : ErrorClassifier.Classify(exception);
            ResilienceLog.Retrying(logger, exception, name, args.AttemptNumber + 1, category, (long)args.RetryDelay.TotalMilliseconds);
            return default;
        },
    };

    private static ValueTask<bool> ShouldHandle(RetryPredicateArguments<object> args)
        => ValueTask.FromResult(IsRetryable(args.Outcome.Exception, args.Context.CancellationToken));

    private static ValueTask<bool> ShouldHandle(CircuitBreakerPredicateArguments<object> args)
        => ValueTask.FromResult(IsRetryable(args.Outcome.Exception, args.Context.CancellationToken));

    private static bool IsRetryable(Exception? exception, CancellationToken cancellationToken)
        => exception is not null && !cancellationToken.IsCancellationRequested && ErrorClassifier.IsRetryable(exception);
}
