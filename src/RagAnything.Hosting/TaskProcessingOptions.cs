namespace RagAnything.Hosting;

/// <summary>
/// Settings of the processing queue: how many tasks may wait and how many run at once.
/// </summary>
public sealed class TaskProcessingOptions
{
    /// <summary>The default queue capacity. A task id is a short string, so a thousand waiting tasks cost little memory.</summary>
    public const int DefaultQueueCapacity = 1000;

    /// <summary>The default <c>Retry-After</c> sent with a full-queue rejection.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets or sets how many tasks run at once. Parsing and embedding are CPU-bound, so more workers than
    /// processors only add contention.
    /// </summary>
    /// <value>The default is <see cref="Environment.ProcessorCount"/>.</value>
    public int MaxConcurrency { get; set; } = Environment.ProcessorCount;

    /// <summary>Gets or sets how many tasks may wait in the queue before new requests get 503 with <c>Retry-After</c>.</summary>
    /// <value>The default is <see cref="DefaultQueueCapacity"/>.</value>
    public int QueueCapacity { get; set; } = DefaultQueueCapacity;

    /// <summary>Gets or sets how long a client rejected by a full queue is told to wait.</summary>
    /// <value>The default is <see cref="DefaultRetryAfter"/> (10 seconds).</value>
    public TimeSpan RetryAfter { get; set; } = DefaultRetryAfter;
}
