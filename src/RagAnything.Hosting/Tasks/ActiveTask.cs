namespace RagAnything.Hosting.Tasks;

/// <summary>
/// A queued or running task held in memory: its latest state and the source that cancels it.
/// </summary>
internal sealed class ActiveTask(ProcessingTask task) : IDisposable
{
    /// <summary>Gets or sets the latest state. Read and written only under the coordinator's lock.</summary>
    public ProcessingTask Snapshot { get; set; } = task;

    public CancellationTokenSource Cancellation { get; } = new();

    public void Dispose() => Cancellation.Dispose();
}
