using RagAnything.Storage.Documents;

namespace RagAnything.Hosting.Tasks;

/// <summary>
/// One request to process one document, as stored in the <c>tasks</c> key-value collection.
/// </summary>
internal sealed record ProcessingTask
{
    public required string Id { get; init; }

    public required string DocumentId { get; init; }

    public required string DocumentName { get; init; }

    public ProcessingTaskStatus Status { get; init; }

    /// <summary>Gets the share of the document's work done, from 0 to 100.</summary>
    public int Percent { get; init; }

    /// <summary>Gets the pipeline stage last reported, or <see langword="null"/> before the task starts.</summary>
    public string? Stage { get; init; }

    public DocumentError? Error { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public bool IsTerminal => Status is ProcessingTaskStatus.Succeeded or ProcessingTaskStatus.Failed or ProcessingTaskStatus.Cancelled;
}
