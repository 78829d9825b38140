using RagAnything.Hosting.Endpoints.Contracts;
using RagAnything.Hosting.Streaming;

namespace RagAnything.Hosting.Tasks;

/// <summary>
/// A message for stream clients: <c>task</c> when a task's status changes, <c>progress</c> when the pipeline
/// reports a stage, or <c>heartbeat</c>, which carries no task.
/// </summary>
internal sealed record TaskEvent(string Type, TaskResponse? Task)
{
    public const string StatusChanged = "task";

    public const string Progress = "progress";

    public static TaskEvent Heartbeat { get; } = new(StreamMessage.HeartbeatName, null);
}
