namespace RagAnything.Chat;

/// <summary>
/// Limits of the chat-model scheduler's adaptive concurrency. Configure them with
/// <c>services.Configure&lt;ChatSchedulerOptions&gt;(...)</c>; they are validated when the host starts.
/// </summary>
public sealed class ChatSchedulerOptions
{
    /// <summary>
    /// The default starting limit: 4 concurrent calls, an estimate of what a small hosted quota or a local model server
    /// takes without rejecting calls. The limit grows from there while calls succeed.
    /// </summary>
    public const int DefaultInitialConcurrency = 4;

    /// <summary>The default lowest limit: 1, so calls go on, one at a time, however often the model rejects them.</summary>
    public const int DefaultMinConcurrency = 1;

    /// <summary>
    /// The default highest limit: 32 concurrent calls, an estimate. It bounds the requests one process keeps open
    /// while the model never rejects any, such as a server that queues calls beyond its own slots.
    /// </summary>
    public const int DefaultMaxConcurrency = 32;

    /// <summary>Gets or sets the limit the scheduler starts with.</summary>
    /// <value>The default is <see cref="DefaultInitialConcurrency"/> (4).</value>
    public int InitialConcurrency { get; set; } = DefaultInitialConcurrency;

    /// <summary>Gets or sets the lowest limit that halving on rate limits and timeouts can reach.</summary>
    /// <value>The default is <see cref="DefaultMinConcurrency"/> (1).</value>
    public int MinConcurrency { get; set; } = DefaultMinConcurrency;

    /// <summary>Gets or sets the highest limit that growing on successes can reach.</summary>
    /// <value>The default is <see cref="DefaultMaxConcurrency"/> (32).</value>
    public int MaxConcurrency { get; set; } = DefaultMaxConcurrency;
}
