namespace RagAnything.Resilience;

/// <summary>
/// Names under which the resilience pipelines are registered, for <c>ResiliencePipelineProvider&lt;string&gt;</c>.
/// </summary>
public static class ResiliencePipelineNames
{
    /// <summary>The pipeline around embedding model calls.</summary>
    public const string Embedding = "raganything-embedding";

    /// <summary>
    /// The retries and circuit breaker around chat model calls, applied by <see cref="Chat.ScheduledChatClient"/>
    /// outside the scheduler.
    /// </summary>
    public const string Chat = "raganything-chat";

    /// <summary>The timeout of one chat model attempt, applied inside the scheduler's slot so queueing never times out.</summary>
    public const string ChatAttempt = "raganything-chat-attempt";

    /// <summary>The pipeline around store calls.</summary>
    public const string Store = "raganything-store";
}
