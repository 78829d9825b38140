using System.Numerics.Tensors;

namespace RagAnything.Storage.Vectors;

/// <summary>
/// Exact cosine search over vectors stored contiguously in one array, shared by the store providers
/// so that every provider ranks the same vectors the same way.
/// </summary>
/// <remarks>
/// The vectors are expected to be L2-normalised by <see cref="Normalize"/>, so that cosine similarity
/// is a plain dot product and a search is one pass over memory.
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
    /// <remarks>
    /// Large arrays are split into contiguous blocks that are scanned on several cores and merged. Small ones are
    /// scanned on the calling thread, because starting other threads would cost more than it saves. Both paths return
    /// the same results in the same order.
    /// </remarks>
    /// <param name="vectors">The vectors, <paramref name="dimension"/> floats each, stored back to back.</param>
    /// <param name="dimension">The length of each vector and of the query.</param>
    /// <param name="count">The number of vectors to scan from the start of <paramref name="vectors"/>.</param>
    /// <param name="query">The normalised query.</param>
    /// <param name="topK">The maximum number of results.</param>
    /// <param name="include">
    /// Decides by slot whether a vector may be returned, or <see langword="null"/> to allow all. On a parallel scan it
    /// is called from several threads at once and not in slot order, so it must be safe for concurrent reads.
    /// </param>
    /// <param name="maxDegreeOfParallelism">
    /// The maximum number of cores one scan may use, or -1 for all of them. 1 keeps the scan on the calling thread, which can serve
    /// more queries per second when many run at once.
    /// </param>
    /// <returns>
    /// The best slots, highest score first. Equal scores are ordered by slot, and where equal scores straddle the
    /// cut-off the lower slots are kept.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="dimension"/> is not positive, <paramref name="count"/> or <paramref name="topK"/> is negative,
    /// <paramref name="vectors"/> contains fewer than <paramref name="count"/> vectors, or
    /// <paramref name="maxDegreeOfParallelism"/> is 0 or less than -1.
    /// </exception>
    /// <exception cref="ArgumentException">The query's length differs from <paramref name="dimension"/>.</exception>
    public static IReadOnlyList<VectorSlotScore> TopK(
        ReadOnlyMemory<float> vectors,
        int dimension,
        int count,
        ReadOnlySpan<float> query,
        int topK,
        Func<int, bool>? include = null,
        int maxDegreeOfParallelism = -1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(topK);
        if (maxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "The value must be -1 (all cores) or at least 1.");
        }

        if (query.Length != dimension)
        {
            throw new ArgumentException($"The query has {query.Length} elements but the vectors have {dimension}.", nameof(query));
        }

        if ((long)count * dimension > vectors.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "The array contains fewer vectors than the count. Pass the number of vectors it contains.");
        }

        if (topK == 0 || count == 0)
        {
            return [];
        }

        int blockCount = TopKScan.ChooseBlockCount(count, dimension, maxDegreeOfParallelism);
        return blockCount > 1
            ? TopKScan.Parallel(vectors, dimension, count, query, topK, include, blockCount, maxDegreeOfParallelism)
            : TopKScan.Sequential(vectors.Span, dimension, count, query, topK, include);
    }
}
