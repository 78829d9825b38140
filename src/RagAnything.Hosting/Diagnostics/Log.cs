using Microsoft.Extensions.Logging;

namespace RagAnything.Hosting.Diagnostics;

/// <summary>
/// The hosting log messages. Event ids are in the 5xxx band: 50xx uploads and documents, 51xx tasks,
/// 52xx streams, 53xx security.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(5001, LogLevel.Information, "Document {DocumentId} ('{DocumentName}', {Size} bytes, {MediaType}) accepted from an upload")]
    public static partial void DocumentAccepted(ILogger logger, string documentId, string documentName, long size, string mediaType);

    [LoggerMessage(5002, LogLevel.Information, "Upload of '{DocumentName}' matched existing document {DocumentId}; nothing stored")]
    public static partial void DocumentAlreadyPresent(ILogger logger, string documentId, string documentName);

    [LoggerMessage(5003, LogLevel.Warning, "Upload rejected: {Reason}")]
    public static partial void UploadRejected(ILogger logger, string reason);

    [LoggerMessage(5004, LogLevel.Information, "Document {DocumentId} deleted through the API")]
    public static partial void DocumentDeleted(ILogger logger, string documentId);

    [LoggerMessage(5005, LogLevel.Warning, "Request failed with {Category}: {Message}")]
    public static partial void RequestFailed(ILogger logger, Exception? exception, ErrorCategory category, string message);

    [LoggerMessage(5006, LogLevel.Information, "Cache layer {Layer} cleared through the API")]
    public static partial void CacheCleared(ILogger logger, string layer);

    [LoggerMessage(5007, LogLevel.Warning, "Request body rejected with status {StatusCode}: {Reason}")]
    public static partial void RequestBodyRejected(ILogger logger, int statusCode, string reason);

    [LoggerMessage(5008, LogLevel.Warning, "Listing request to {Path} rejected: {Reason}")]
    public static partial void PageRequestRejected(ILogger logger, string path, string reason);

    [LoggerMessage(5101, LogLevel.Information, "Task {TaskId} queued for document {DocumentId}")]
    public static partial void TaskQueued(ILogger logger, string taskId, string documentId);

    [LoggerMessage(5102, LogLevel.Information, "Task {TaskId} started for document {DocumentId}")]
    public static partial void TaskStarted(ILogger logger, string taskId, string documentId);

    [LoggerMessage(5103, LogLevel.Information, "Task {TaskId} for document {DocumentId} ended as {Status}")]
    public static partial void TaskCompleted(ILogger logger, string taskId, string documentId, string status);

    [LoggerMessage(5104, LogLevel.Warning, "Task {TaskId} for document {DocumentId} failed in stage {Stage} ({Category}): {Message}")]
    public static partial void TaskFailed(ILogger logger, Exception? exception, string taskId, string documentId, string stage, ErrorCategory category, string message);

    [LoggerMessage(5105, LogLevel.Information, "Task {TaskId} for document {DocumentId} cancelled")]
    public static partial void TaskCancelled(ILogger logger, string taskId, string documentId);

    [LoggerMessage(5106, LogLevel.Warning, "Task {TaskId} for document {DocumentId} rejected: the processing queue is full ({Capacity} tasks)")]
    public static partial void QueueFull(ILogger logger, string taskId, string documentId, int capacity);

    [LoggerMessage(5107, LogLevel.Information, "Re-queued {Count} tasks left queued or running by the previous run")]
    public static partial void TasksRecovered(ILogger logger, int count);

    [LoggerMessage(5108, LogLevel.Information, "Task processing started with {Workers} workers")]
    public static partial void ProcessingStarted(ILogger logger, int workers);

    [LoggerMessage(5109, LogLevel.Information, "Task processing stopped")]
    public static partial void ProcessingStopped(ILogger logger);

    [LoggerMessage(5110, LogLevel.Error, "Task {TaskId} could not be recorded: {Message}")]
    public static partial void TaskStoreFailed(ILogger logger, Exception exception, string taskId, string message);

    [LoggerMessage(5111, LogLevel.Error, "Progress relay stopped unexpectedly: {Message}")]
    public static partial void ProgressRelayFailed(ILogger logger, Exception exception, string message);

    [LoggerMessage(5201, LogLevel.Debug, "Progress stream opened for task {TaskId} ({Transport})")]
    public static partial void StreamOpened(ILogger logger, string taskId, string transport);

    [LoggerMessage(5202, LogLevel.Debug, "Progress stream closed for task {TaskId} ({Transport}), {Dropped} events dropped for a slow client")]
    public static partial void StreamClosed(ILogger logger, string taskId, string transport, long dropped);

    [LoggerMessage(5301, LogLevel.Warning, "Request to {Path} from {RemoteAddress} rejected: missing or invalid API key")]
    public static partial void ApiKeyRejected(ILogger logger, string path, string remoteAddress);

    [LoggerMessage(5302, LogLevel.Warning, "Request to {Path} from {Partition} rejected by the rate limiter")]
    public static partial void RateLimited(ILogger logger, string path, string partition);
}
