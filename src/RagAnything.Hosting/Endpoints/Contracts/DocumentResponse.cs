using RagAnything.Storage.Documents;

namespace RagAnything.Hosting.Endpoints.Contracts;

/// <summary>A document as the API shows it.</summary>
internal sealed record DocumentResponse
{
    public required string Id { get; init; }

    /// <summary>Gets the safe base name the document was stored under.</summary>
    public required string Name { get; init; }

    public required string Status { get; init; }

    public string? MediaType { get; init; }

    public long Size { get; init; }

    public required string Sha256 { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public int ChunkCount { get; init; }

    public int PageCount { get; init; }

    public ErrorResponse? Error { get; init; }

    public static DocumentResponse From(DocumentStatusRecord record) => new()
    {
        Id = record.Id,
        Name = record.SourceName,
        Status = ApiNames.Of(record.Status),
        MediaType = record.MediaType,
        Size = record.Size,
        Sha256 = record.Sha256,
        CreatedAt = record.CreatedAt,
        UpdatedAt = record.UpdatedAt,
        ChunkCount = record.ChunkCount,
        PageCount = record.PageCount,
        Error = ErrorResponse.From(record.Error),
    };
}
