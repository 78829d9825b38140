namespace RagAnything.Storage.Vectors;

/// <summary>
/// Stores vectors in named collections and finds the nearest ones by cosine similarity.
/// Implementations are safe for concurrent use.
/// </summary>
public interface IVectorStore
{
    /// <summary>
    /// Creates the collection, or checks that an existing one has the same dimension and model.
    /// </summary>
    /// <exception cref="VectorCollectionMismatchException">The collection exists with another dimension or model.</exception>
    ValueTask EnsureCollectionAsync(VectorCollectionInfo collection, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces vectors by id.</summary>
    /// <exception cref="ArgumentException">A vector's length differs from the collection's dimension.</exception>
    /// <exception cref="InvalidOperationException">The collection does not exist.</exception>
    ValueTask UpsertAsync(string collection, IReadOnlyList<VectorRecord> records, CancellationToken cancellationToken = default);

    /// <summary>Removes vectors by id. Unknown ids are ignored.</summary>
    ValueTask DeleteAsync(string collection, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);

    /// <summary>Removes every vector of one document from every collection.</summary>
    ValueTask DeleteDocumentAsync(string documentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns the <paramref name="topK"/> vectors most similar to <paramref name="query"/>, best first.
    /// An unknown collection returns no matches.
    /// </summary>
    ValueTask<IReadOnlyList<VectorMatch>> SearchAsync(
        string collection,
        ReadOnlyMemory<float> query,
        int topK,
        VectorSearchFilter? filter = null,
        CancellationToken cancellationToken = default);

    /// <summary>Returns the number of vectors in a collection, or 0 when it does not exist.</summary>
    ValueTask<long> CountAsync(string collection, CancellationToken cancellationToken = default);
}
