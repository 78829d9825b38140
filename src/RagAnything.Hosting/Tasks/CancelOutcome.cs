namespace RagAnything.Hosting.Tasks;

/// <summary>What a cancel request found.</summary>
internal enum CancelOutcome
{
    /// <summary>The task was queued and is now cancelled.</summary>
    Cancelled,

    /// <summary>The task is running; its cancellation was requested and it ends as cancelled shortly.</summary>
    Requested,

    /// <summary>The task had already ended.</summary>
    AlreadyTerminal,

    /// <summary>No task has the id.</summary>
    NotFound,
}
