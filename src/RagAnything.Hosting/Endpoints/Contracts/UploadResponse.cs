namespace RagAnything.Hosting.Endpoints.Contracts;

/// <summary>The outcome of one uploaded file: the document, the task that processes it, if any, whether the bytes were known, and whether the queue had no room for the task.</summary>
internal sealed record UploadResponse(DocumentResponse Document, string? TaskId, bool AlreadyPresent, bool QueueFull = false);
