namespace RagAnything.Hosting.Tasks;

/// <summary>
/// The lifecycle state of a processing task. <see cref="Succeeded"/>, <see cref="Failed"/> and
/// <see cref="Cancelled"/> are terminal.
/// </summary>
internal enum ProcessingTaskStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
