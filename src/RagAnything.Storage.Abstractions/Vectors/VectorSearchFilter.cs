namespace RagAnything.Storage.Vectors;

/// <summary>
/// Restricts a vector search to some documents.
/// </summary>
public sealed record VectorSearchFilter
{
    /// <summary>Gets the documents to search in, or <see langword="null"/> for every document.</summary>
    public IReadOnlyCollection<string>? DocumentIds { get; init; }
}
