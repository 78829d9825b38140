using System.Numerics.Tensors;
using System.Runtime.ExceptionServices;

namespace RagAnything.Storage.Vectors;

/// <summary>
/// The two ways <see cref="VectorMath.TopK"/> scans: one pass on the calling thread, or contiguous blocks scanned on
/// several cores into a heap each and merged. Both score every vector with the same dot product at the same address,
/// and <see cref="TopKHeap"/> ranks ties by slot, so both return the same results in the same order.
/// </summary>
internal static class TopKScan
{
    /// <summary>
    /// The minimum work, in floats scanned, that is split across cores: 4,194,304 floats (16 MiB, about 10,900
    /// vectors of 384 dimensions, a sequential scan of roughly 0.3 ms). It was measured on a 2-core AMD EPYC VM
    /// (AVX-512, .NET 10) whose load average other jobs kept at 7 to 11, with sequential and parallel scans of 1,000
    /// to 64,000 vectors of 384 dimensions interleaved. Starting and joining a second thread cost 15 to 20 µs, so the
    /// median parallel scan was 20% to 180% slower up to 8,000 vectors, and about even from 16,000 up. A scan of this
    /// size gains when a second core is free and loses little when none is.
    /// </summary>
    internal const long MinParallelFloats = 1L << 22;

    /// <summary>
    /// Blocks per core. With more blocks than cores, the blocks that a core taken by another process has not started
    /// go to the other cores, at the cost of one more k-entry heap to merge per block.
    /// </summary>
    internal const int BlocksPerCore = 4;

    /// <summary>
    /// Returns how many blocks a scan of <paramref name="count"/> vectors should use: 1 means the sequential path.
    /// </summary>
    public static int ChooseBlockCount(int count, int dimension, int maxDegreeOfParallelism)
    {
        int cores = maxDegreeOfParallelism == -1
            ? Environment.ProcessorCount
            : Math.Min(maxDegreeOfParallelism, Environment.ProcessorCount);
        long floats = (long)count * dimension;
        if (cores < 2 || floats < MinParallelFloats)
        {
            return 1;
        }

        // Every block gets at least half of the parallel threshold, so no block is too small to be worth a thread.
        long blocksBySize = floats / (MinParallelFloats / 2);
        return (int)Math.Min(cores * BlocksPerCore, blocksBySize);
    }

    /// <summary>Scans every vector on the calling thread.</summary>
    public static VectorSlotScore[] Sequential(
        ReadOnlySpan<float> vectors, int dimension, int count, ReadOnlySpan<float> query, int topK, Func<int, bool>? include)
    {
        var heap = new TopKHeap(Math.Min(topK, count));
        ScanRange(vectors, dimension, 0, count, query, include, heap);
        return heap.ToSortedArray();
    }

    /// <summary>
    /// Scans <paramref name="blockCount"/> contiguous blocks of about equal size on up to
    /// <paramref name="maxDegreeOfParallelism"/> threads, the calling one included, then merges their heaps.
    /// </summary>
    public static VectorSlotScore[] Parallel(
        ReadOnlyMemory<float> vectors,
        int dimension,
        int count,
        ReadOnlySpan<float> query,
        int topK,
        Func<int, bool>? include,
        int blockCount,
        int maxDegreeOfParallelism)
    {
        // A span cannot be captured by the block delegates, so each block reads one shared copy of the query.
        float[] sharedQuery = query.ToArray();
        var heaps = new TopKHeap[blockCount];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };

        // NOTE: a scan ends with its slowest block, so when other processes keep every core busy, a block taken by a
        // thread that is then descheduled delays the whole search. At a load average of about 10 on 2 cores, the
        // benchmark's 100,000-vector search took 13.1 ms on this path against 7.8 ms on one core.
        try
        {
            System.Threading.Tasks.Parallel.For(0, blockCount, options, block =>
            {
                int start = (int)((long)count * block / blockCount);
                int end = (int)((long)count * (block + 1) / blockCount);
                var heap = new TopKHeap(Math.Min(topK, end - start));
                ScanRange(vectors.Span, dimension, start, end, sharedQuery, include, heap);
                heaps[block] = heap;
            });
        }
        catch (AggregateException exception) when (exception.InnerExceptions.Count == 1)
        {
            // Throw what the sequential path would throw, such as an exception from the include delegate.
            ExceptionDispatchInfo.Throw(exception.InnerExceptions[0]);
        }

        var merged = new TopKHeap(Math.Min(topK, count));
        foreach (TopKHeap heap in heaps)
        {
            merged.OfferAll(heap);
        }

        return merged.ToSortedArray();
    }

    private static void ScanRange(
        ReadOnlySpan<float> vectors, int dimension, int start, int end, ReadOnlySpan<float> query, Func<int, bool>? include, TopKHeap heap)
    {
        // TensorPrimitives.Dot picks Vector512, Vector256 or Vector128 for the machine. A hand-written kernel that
        // scored four vectors per pass with Vector512 was no faster in a trial on the machine described at
        // MinParallelFloats, because the scan is bound by memory bandwidth rather than by arithmetic.
        for (int slot = start; slot < end; slot++)
        {
            if (include is not null && !include(slot))
            {
                continue;
            }

            float score = TensorPrimitives.Dot(vectors.Slice(slot * dimension, dimension), query);
            heap.Offer(slot, score);
        }
    }
}
