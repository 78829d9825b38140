namespace RagAnything.Hosting.Streaming;

/// <summary>
/// One message queued for a stream client: an event name and its JSON data, or a heartbeat.
/// </summary>
/// <param name="EventName">The event name: <c>task</c>, <c>progress</c> or <c>heartbeat</c>.</param>
/// <param name="Json">The JSON payload; empty for a heartbeat.</param>
/// <param name="IsFinal">Whether the stream ends after this message because the task reached a terminal state.</param>
internal sealed record StreamMessage(string EventName, string Json, bool IsFinal = false)
{
    public const string HeartbeatName = "heartbeat";

    public static StreamMessage Heartbeat { get; } = new(HeartbeatName, string.Empty);

    public bool IsHeartbeat => EventName == HeartbeatName;
}
