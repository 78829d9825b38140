namespace RagAnything.Hosting.Endpoints.Contracts;

/// <summary>
/// A WebSocket text message: <c>task</c> or <c>progress</c> with the task's state, or <c>heartbeat</c> without one.
/// </summary>
internal sealed record SocketMessage(string Type, TaskResponse? Task);
