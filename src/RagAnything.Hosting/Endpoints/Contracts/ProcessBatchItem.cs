namespace RagAnything.Hosting.Endpoints.Contracts;

/// <summary>
/// The outcome for one document of a batch process request: <c>queued</c> with a task id, <c>notFound</c>,
/// <c>originalMissing</c> or <c>queueFull</c>.
/// </summary>
internal sealed record ProcessBatchItem(string DocumentId, string Outcome, string? TaskId);
