using System.Collections.Concurrent;
using RagAnything.Storage.Vectors;

namespace RagAnything.Storage.InMemory;

/// <summary>
/// An <see cref="IVectorStore"/> that keeps every collection in process memory and searches it exactly.
/// </summary>
/// <remarks>
/// Vectors are L2-normalised on upsert and kept back to back in one array per collection, so a search is
/// one pass of dot products with a bounded top-k heap. Nothing survives the process. Safe for concurrent
/// use: searches of a collection run in parallel and wait only for writes to that collection.
/// </remarks>
public sealed class InMemoryVectorStore : IVectorStore
{
    private readonly ConcurrentDictionary<string, VectorCollectionIndex> _collections = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public ValueTask EnsureCollectionAsync(VectorCollectionInfo collection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentException.ThrowIfNullOrEmpty(collection.Name, nameof(collection));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(collection.Dimension, nameof(collection));
        cancellationToken.ThrowIfCancellationRequested();

        VectorCollectionIndex index = _collections.GetOrAdd(collection.Name, static (_, info) => new VectorCollectionIndex(info), collection);
        VectorCollectionInfo existing = index.Info;
        if (existing.Dimension != collection.Dimension || !string.Equals(existing.ModelId, collection.ModelId, StringComparison.Ordinal))
        {
            throw new VectorCollectionMismatchException(existing, collection);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask UpsertAsync(string collection, IReadOnlyList<VectorRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(records);
        cancellationToken.ThrowIfCancellationRequested();

        VectorCollectionIndex index = GetRequired(collection);
        VectorRecordValidation.Validate(records, index.Info);
        index.Upsert(records);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask DeleteAsync(string collection, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(ids);
        cancellationToken.ThrowIfCancellationRequested();

        if (_collections.TryGetValue(collection, out VectorCollectionIndex? index))
        {
            index.Delete(ids);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask DeleteDocumentAsync(string documentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        cancellationToken.ThrowIfCancellationRequested();

        foreach (VectorCollectionIndex index in _collections.Values)
        {
            index.DeleteDocument(documentId);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<VectorMatch>> SearchAsync(
        string collection,
        ReadOnlyMemory<float> query,
        int topK,
        VectorSearchFilter? filter = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentOutOfRangeException.ThrowIfNegative(topK);
        cancellationToken.ThrowIfCancellationRequested();

        if (!_collections.TryGetValue(collection, out VectorCollectionIndex? index))
        {
            return ValueTask.FromResult<IReadOnlyList<VectorMatch>>([]);
        }

        VectorRecordValidation.ValidateQuery(query, index.Info);
        float[] normalizedQuery = new float[query.Length];
        VectorMath.Normalize(query.Span, normalizedQuery);
        return ValueTask.FromResult(index.Search(normalizedQuery, topK, filter?.DocumentIds));
    }

    /// <inheritdoc/>
    public ValueTask<long> CountAsync(string collection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collection);
        cancellationToken.ThrowIfCancellationRequested();

        long count = _collections.TryGetValue(collection, out VectorCollectionIndex? index) ? index.Count : 0;
        return ValueTask.FromResult(count);
    }

    private VectorCollectionIndex GetRequired(string collection)
    {
        if (_collections.TryGetValue(collection, out VectorCollectionIndex? index))
        {
            return index;
        }

        throw new InvalidOperationException(
            $"Vector collection '{collection}' does not exist. Call EnsureCollectionAsync before upserting into it.");
    }
}
