namespace RagAnything.Query;

/// <summary>
/// A chunk that an answer draws on, with where it comes from.
/// </summary>
public sealed record Citation
{
    /// <summary>Gets the 1-based number the answer uses to refer to this citation, as in <c>[1]</c>.</summary>
    public int Number { get; init; }

    /// <summary>Gets the id of the cited document.</summary>
    public required string DocumentId { get; init; }

    /// <summary>Gets the file name of the cited document.</summary>
    public required string DocumentName { get; init; }

    /// <summary>Gets the 1-based page number for people; formats without pages report page 1.</summary>
    public int? Page { get; init; }

    /// <summary>Gets the 1-based last page when the chunk spans pages, else the same as <see cref="Page"/>.</summary>
    public int? PageEnd { get; init; }

    /// <summary>Gets the id of the cited chunk.</summary>
    public required string ChunkId { get; init; }

    /// <summary>Gets the retrieval score: reciprocal-rank fusion of the vector and keyword ranks, higher is better.</summary>
    public double Score { get; init; }

    /// <summary>Gets the cited chunk's text.</summary>
    public required string Text { get; init; }
}
