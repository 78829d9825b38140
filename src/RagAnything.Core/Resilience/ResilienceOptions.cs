namespace RagAnything.Resilience;

/// <summary>
/// Settings of the resilience pipelines around the embedding model, the chat model and the stores. Configure them
/// with <c>services.Configure&lt;ResilienceOptions&gt;(...)</c>; they are validated when the host starts.
/// </summary>
public sealed class ResilienceOptions
{
    /// <summary>
    /// The default number of retries: 3. With a 1-second base delay the retries span about 7 seconds, which outlasts
    /// a typical rate-limit window without holding a document for minutes.
    /// </summary>
    public const int DefaultMaxRetryAttempts = 3;

    /// <summary>The default failure ratio that opens a circuit: half the calls of the sampling window.</summary>
    public const double DefaultBreakerFailureRatio = 0.5;

    /// <summary>The default number of calls a window needs before the circuit may open: 20, so a few early failures do not stop all work.</summary>
    public const int DefaultBreakerMinimumThroughput = 20;

    /// <summary>The default first retry delay for model calls: 1 second, the smallest window most rate limiters use.</summary>
    public static readonly TimeSpan DefaultModelBaseDelay = TimeSpan.FromSeconds(1);

    /// <summary>The default first retry delay for store calls: 100 ms, because a busy local database frees up within milliseconds.</summary>
    public static readonly TimeSpan DefaultStoreBaseDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>The default longest delay between attempts: 30 seconds, the longest wait commonly sent in a <c>Retry-After</c> header by hosted models.</summary>
    public static readonly TimeSpan DefaultMaxDelay = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The default time limit of one embedding call: 5 minutes. A batch of 64 chunks takes seconds on an idle CPU but
    /// many times longer on a machine shared with parsing and OCR, and a timeout there would fail whole batches.
    /// </summary>
    public static readonly TimeSpan DefaultEmbeddingTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The default time limit of one chat call: 120 seconds, enough for a long extraction answer from a slow local model.</summary>
    public static readonly TimeSpan DefaultChatTimeout = TimeSpan.FromSeconds(120);

    /// <summary>The default time limit of one store call: 30 seconds, matching the SQLite store's default command timeout.</summary>
    public static readonly TimeSpan DefaultStoreTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The default sampling window of the circuit breakers: 30 seconds.</summary>
    public static readonly TimeSpan DefaultBreakerSamplingDuration = TimeSpan.FromSeconds(30);

    /// <summary>The default time an open circuit rejects calls: 15 seconds, then one trial call decides whether it closes.</summary>
    public static readonly TimeSpan DefaultBreakDuration = TimeSpan.FromSeconds(15);

    /// <summary>Gets the pipeline <see cref="ResiliencePipelineNames.Embedding"/>.</summary>
    /// <value>3 retries from 1 s, a 5 minute attempt timeout, the default breaker.</value>
    public ResiliencePipelineOptions Embedding { get; } = Create(DefaultModelBaseDelay, DefaultEmbeddingTimeout);

    /// <summary>Gets the pipeline <see cref="ResiliencePipelineNames.Chat"/>.</summary>
    /// <value>3 retries from 1 s, a 120 s attempt timeout, the default breaker.</value>
    public ResiliencePipelineOptions Chat { get; } = Create(DefaultModelBaseDelay, DefaultChatTimeout);

    /// <summary>Gets the pipeline <see cref="ResiliencePipelineNames.Store"/>.</summary>
    /// <value>3 retries from 100 ms, a 30 s attempt timeout, the default breaker.</value>
    public ResiliencePipelineOptions Store { get; } = Create(DefaultStoreBaseDelay, DefaultStoreTimeout);

    private static ResiliencePipelineOptions Create(TimeSpan baseDelay, TimeSpan timeout) => new()
    {
        MaxRetryAttempts = DefaultMaxRetryAttempts,
        BaseDelay = baseDelay,
        MaxDelay = DefaultMaxDelay,
        AttemptTimeout = timeout,
        BreakerFailureRatio = DefaultBreakerFailureRatio,
        BreakerMinimumThroughput = DefaultBreakerMinimumThroughput,
        BreakerSamplingDuration = DefaultBreakerSamplingDuration,
        BreakDuration = DefaultBreakDuration,
    };
}
