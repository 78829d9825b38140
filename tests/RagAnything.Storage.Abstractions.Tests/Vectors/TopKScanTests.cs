using System.Numerics.Tensors;
using RagAnything.Storage.Vectors;

namespace RagAnything.Storage.Abstractions.Tests.Vectors;

public sealed class TopKScanTests
{
    private const int Dimension = 8;

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public void Parallel_RandomDataWithTies_MatchesSequential(int seed)
    {
        // Components from {-1, 0, 1} make dot products small integers, so most scores are shared by many slots.
        var random = new Random(seed);
        const int count = 3_001;
        float[] vectors = CreateTiedVectors(random, count);
        float[] query = CreateTiedVectors(random, 1);

        foreach (int topK in new[] { 1, 5, 10, 64, count, count + 5 })
        {
            VectorSlotScore[] sequential = TopKScan.Sequential(vectors, Dimension, count, query, topK, include: null);

            foreach (int blockCount in new[] { 2, 3, 7, 16, 100 })
            {
                VectorSlotScore[] parallel = TopKScan.Parallel(vectors, Dimension, count, query, topK, include: null, blockCount, maxDegreeOfParallelism: -1);
                Assert.Equal(sequential, parallel);
            }
        }
    }

    [Fact]
    public void Parallel_WithFilter_MatchesSequential()
    {
        var random = new Random(5);
        const int count = 2_000;
        float[] vectors = CreateTiedVectors(random, count);
        float[] query = CreateTiedVectors(random, 1);
        Func<int, bool> include = slot => slot % 3 != 0;

        VectorSlotScore[] sequential = TopKScan.Sequential(vectors, Dimension, count, query, 20, include);
        VectorSlotScore[] parallel = TopKScan.Parallel(vectors, Dimension, count, query, 20, include, blockCount: 6, maxDegreeOfParallelism: -1);

        Assert.Equal(sequential, parallel);
        Assert.All(parallel, result => Assert.NotEqual(0, result.Slot % 3));
    }

    [Fact]
    public void Sequential_RandomDataWithTies_MatchesFullSort()
    {
        var random = new Random(11);
        const int count = 1_000;
        float[] vectors = CreateTiedVectors(random, count);
        float[] query = CreateTiedVectors(random, 1);

        VectorSlotScore[] expected = Enumerable.Range(0, count)
            .Select(slot => new VectorSlotScore(slot, TensorPrimitives.Dot(vectors.AsSpan(slot * Dimension, Dimension), query)))
            .OrderByDescending(result => result.Score)
            .ThenBy(result => result.Slot)
            .Take(25)
            .ToArray();
        VectorSlotScore[] actual = TopKScan.Sequential(vectors, Dimension, count, query, 25, include: null);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Sequential_TieAtCutOff_KeepsLowerSlots()
    {
        // Slot 2 pushes one of the tied slots 0 and 1 out; slot 0 must stay, whatever order the heap stores them in.
        float[] vectors = [0.5f, 0.5f, 0.9f, 0.5f];
        float[] query = [1f];

        VectorSlotScore[] results = TopKScan.Sequential(vectors, 1, vectors.Length, query, 2, include: null);

        Assert.Equal([new(2, 0.9f), new(0, 0.5f)], results);
    }

    [Fact]
    public void Parallel_IncludeThrows_RaisesOriginalException()
    {
        float[] vectors = new float[100 * Dimension];
        float[] query = new float[Dimension];

        var exception = Assert.Throws<InvalidOperationException>(() => TopKScan.Parallel(
            vectors, Dimension, 100, query, 5, _ => throw new InvalidOperationException("filter failed"), blockCount: 4, maxDegreeOfParallelism: -1));

        Assert.Equal("filter failed", exception.Message);
    }

    [Fact]
    public void ChooseBlockCount_SmallScan_IsSequential()
    {
        int count = (int)(TopKScan.MinParallelFloats / 384) - 1;

        Assert.Equal(1, TopKScan.ChooseBlockCount(count, 384, maxDegreeOfParallelism: -1));
    }

    [Fact]
    public void ChooseBlockCount_OneCoreAllowed_IsSequential()
    {
        Assert.Equal(1, TopKScan.ChooseBlockCount(100_000, 384, maxDegreeOfParallelism: 1));
    }

    [Fact]
    public void ChooseBlockCount_LargeScan_UsesBlocksPerCore()
    {
        int expected = Environment.ProcessorCount < 2 ? 1 : Environment.ProcessorCount * TopKScan.BlocksPerCore;

        Assert.Equal(expected, TopKScan.ChooseBlockCount(100_000, 384, maxDegreeOfParallelism: -1));
    }

    [Fact]
    public void ChooseBlockCount_JustAboveThreshold_UsesTwoBlocks()
    {
        int count = (int)(TopKScan.MinParallelFloats / 384) + 1;
        int expected = Environment.ProcessorCount < 2 ? 1 : 2;

        Assert.Equal(expected, TopKScan.ChooseBlockCount(count, 384, maxDegreeOfParallelism: -1));
    }

    private static float[] CreateTiedVectors(Random random, int count)
    {
        var vectors = new float[count * Dimension];
        for (int i = 0; i < vectors.Length; i++)
        {
            vectors[i] = random.Next(-1, 2);
        }

        return vectors;
    }
}
