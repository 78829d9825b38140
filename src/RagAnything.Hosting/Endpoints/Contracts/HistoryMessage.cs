namespace RagAnything.Hosting.Endpoints.Contracts;

/// <summary>An earlier turn of the conversation: <c>user</c>, <c>assistant</c> or <c>system</c>, and its text.</summary>
internal sealed record HistoryMessage(string? Role, string? Content);
