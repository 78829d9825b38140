namespace RagAnything.Hosting.Tasks;

/// <summary>
/// The queue of task ids waiting for a processing worker. The default holds them in process memory with a fixed
/// capacity; a distributed queue can replace it by registering another implementation before
/// <c>AddRagAnythingHosting()</c>.
/// </summary>
/// <remarks>
/// The queue carries ids only. The tasks themselves are stored in the key-value store, so losing the queue loses
/// no task: queued and running tasks are queued again when the host starts. Implementations are safe for
/// concurrent use.
/// </remarks>
public interface ITaskQueue
{
    /// <summary>Gets the number of task ids waiting.</summary>
    int Count { get; }

    /// <summary>Gets the number of task ids the queue accepts before <see cref="TryEnqueue"/> returns <see langword="false"/>.</summary>
    int Capacity { get; }

    /// <summary>Adds a task id unless the queue is full.</summary>
    /// <returns><see langword="true"/> when the id was queued; <see langword="false"/> when the queue is full.</returns>
    bool TryEnqueue(string taskId);

    /// <summary>Adds a task id, waiting for room when the queue is full. Used when tasks are recovered at start-up.</summary>
    ValueTask EnqueueAsync(string taskId, CancellationToken cancellationToken);

    /// <summary>Waits for the next task id.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<string> DequeueAsync(CancellationToken cancellationToken);
}
