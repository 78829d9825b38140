using System.Numerics.Tensors;

namespace RagAnything.Storage.Vectors;

/// <summary>
/// Exact cosine search over vectors stored contiguously in one array, shared by the store providers
/// so that every provider ranks the same vectors the same way.
/// </summary>
/// <remarks>
/// The vectors are expected to be L2-normalised by <see cref="Normalize"/>, so that cosine similarity
/// is a plain dot product and a search is one sequential pass over memory.
/// </remarks>
public static class VectorMath
{
    /// <summary>
    /// Writes the L2-normalised <paramref name="source"/> into <paramref name="destination"/>.
    /// A zero vector is written as zeros, so its cosine with any query is 0.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length, or <paramref name="source"/> contains NaN or infinity.</exception>
    public static void Normalize(ReadOnlySpan<float> source, Span<float> destination)
    {
        if (source.Length != destination.Length)
        {
            throw new ArgumentException(
                $"The destination has {destination.Length} elements but the source has {source.Length}.",
                nameof(destination));
        }

        float norm = TensorPrimitives.Norm(source);
        if (!float.IsFinite(norm))
        {
            throw new ArgumentException("The vector contains NaN or infinite values, so it has no direction.", nameof(source));
        }

        if (norm == 0f)
        {
            destination.Clear();
            return;
        }

        TensorPrimitives.Divide(source, norm, destination);
    }

    /// <summary>
    /// Finds the <paramref name="topK"/> vectors with the highest dot product with <paramref name="query"/>.
    /// </summary>
    /// <param name="vectors">The vectors, <paramref name="dimension"/> floats each, stored back to back.</param>
    /// <param name="dimension">The length of each vector and of the query.</param>
    /// <param name="count">The number of vectors to scan from the start of <paramref name="vectors"/>.</param>
    /// <param name="query">The normalised query.</param>
    /// <param name="topK">The maximum number of results.</param>
    /// <param name="include">Decides by slot whether a vector may be returned, or <see langword="null"/> to allow all.</param>
    /// <returns>The best slots, highest score first; equal scores are ordered by slot.</returns>
    public static IReadOnlyList<VectorSlotScore> TopK(
        ReadOnlySpan<float> vectors,
        int dimension,
        int count,
        ReadOnlySpan<float> query,
        int topK,
        Func<int, bool>? include = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(topK);
        if (query.Length != dimension)
        {
            throw new ArgumentException($"The query has {query.Length} elements but the vectors have {dimension}.", nameof(query));
        }

        if ((long)count * dimension > vectors.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "The array holds fewer vectors than the count.");
        }

        if (topK == 0 || count == 0)
        {
            return [];
        }

        // A min-heap of the best k so far: its root is the score a new vector must beat,
        // so each vector costs one dot product and, rarely, one O(log k) heap update.
        var heap = new PriorityQueue<int, float>(Math.Min(topK, count) + 1);
        for (int slot = 0; slot < count; slot++)
        {
            if (include is not null && !include(slot))
            {
                continue;
            }

            float score = TensorPrimitives.Dot(vectors.Slice(slot * dimension, dimension), query);
            if (heap.Count < topK)
            {
                heap.Enqueue(slot, score);
            }
            else if (heap.TryPeek(out _, out float worst) && score > worst)
            {
                heap.DequeueEnqueue(slot, score);
            }
        }

        var results = new VectorSlotScore[heap.Count];
        for (int i = 0; heap.TryDequeue(out int slot, out float score); i++)
        {
            results[i] = new VectorSlotScore(slot, score);
        }

        Array.Sort(results, static (left, right) =>
        {
            int byScore = right.Score.CompareTo(left.Score);
            return byScore != 0 ? byScore : left.Slot.CompareTo(right.Slot);
        });
        return results;
    }
}
