using System.Text.Json.Serialization;
using RagAnything.Hosting.Tasks;

namespace RagAnything.Hosting.Endpoints.Contracts;

/// <summary>A processing task as the API shows it.</summary>
internal sealed record TaskResponse
{
    public required string Id { get; init; }

    public required string DocumentId { get; init; }

    public required string DocumentName { get; init; }

    /// <summary>Gets one of <c>queued</c>, <c>running</c>, <c>succeeded</c>, <c>failed</c> or <c>cancelled</c>.</summary>
    public required string Status { get; init; }

    public int Percent { get; init; }

    public string? Stage { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public ErrorResponse? Error { get; init; }

    /// <summary>Gets whether the task has ended; the status already says so, so it is not serialized.</summary>
    [JsonIgnore]
    public bool IsTerminal { get; init; }

    public static TaskResponse From(ProcessingTask task) => new()
    {
        Id = task.Id,
        DocumentId = task.DocumentId,
        DocumentName = task.DocumentName,
        Status = ApiNames.Of(task.Status),
        Percent = task.Percent,
        Stage = task.Stage,
        CreatedAt = task.CreatedAt,
        UpdatedAt = task.UpdatedAt,
        StartedAt = task.StartedAt,
        CompletedAt = task.CompletedAt,
        Error = ErrorResponse.From(task.Error),
        IsTerminal = task.IsTerminal,
    };
}
