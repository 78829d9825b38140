namespace RagAnything.Hosting.Tasks;

/// <summary>
/// The result of asking for a document to be processed: the task that will do it, or <see langword="null"/>
/// with <see cref="QueueFull"/> set when the queue had no room.
/// </summary>
internal sealed record QueueOutcome(ProcessingTask? Task, bool QueueFull)
{
    public static QueueOutcome Full { get; } = new(null, true);

    /// <summary>Gets the outcome for a document that finished while the request was on its way, so no task was needed.</summary>
    public static QueueOutcome AlreadyFinished { get; } = new(null, false);
}
