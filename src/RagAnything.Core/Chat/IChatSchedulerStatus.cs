namespace RagAnything.Chat;

/// <summary>
/// The current state of the shared chat-model scheduler, for status pages and metrics.
/// </summary>
/// <remarks>Safe for concurrent use. Each value is read under the scheduler's lock, so it is current when read.</remarks>
public interface IChatSchedulerStatus
{
    /// <summary>Gets the current concurrency limit, between the configured minimum and maximum.</summary>
    int Limit { get; }

    /// <summary>Returns the number of running calls of <paramref name="priority"/>.</summary>
    /// <param name="priority">The priority.</param>
    int GetInFlight(ChatPriority priority);

    /// <summary>Returns the number of calls of <paramref name="priority"/> waiting for a slot.</summary>
    /// <param name="priority">The priority.</param>
    int GetWaiting(ChatPriority priority);
}
