namespace RagAnything.Resilience;

/// <summary>
/// Retry, timeout and circuit-breaker settings of one resilience pipeline.
/// </summary>
public sealed class ResiliencePipelineOptions
{
    /// <summary>Gets or sets how many times a failed call is tried again; 0 turns retries off.</summary>
    public int MaxRetryAttempts { get; set; }

    /// <summary>Gets or sets the first retry delay, which doubles with each further retry, before jitter.</summary>
    public TimeSpan BaseDelay { get; set; }

    /// <summary>Gets or sets the longest delay between two attempts, including a server's <c>Retry-After</c>.</summary>
    public TimeSpan MaxDelay { get; set; }

    /// <summary>Gets or sets whether retry delays are randomised, so many callers that failed together do not retry together.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool UseJitter { get; set; } = true;

    /// <summary>Gets or sets the time limit of one attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; }

    /// <summary>Gets or sets the share of failed calls, from 0 to 1, in <see cref="BreakerSamplingDuration"/> that opens the circuit.</summary>
    public double BreakerFailureRatio { get; set; }

    /// <summary>Gets or sets the least number of calls in <see cref="BreakerSamplingDuration"/> before the circuit may open.</summary>
    public int BreakerMinimumThroughput { get; set; }

    /// <summary>Gets or sets the window over which failures are counted for the circuit breaker.</summary>
    public TimeSpan BreakerSamplingDuration { get; set; }

    /// <summary>Gets or sets how long an open circuit rejects calls before it lets a trial call through.</summary>
    public TimeSpan BreakDuration { get; set; }
}
