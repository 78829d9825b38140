using RagAnything.Storage.Vectors;

namespace RagAnything.Storage.Abstractions.Tests.Vectors;

public sealed class VectorMathTopKTests
{
    [Fact]
    public void TopK_LargeScan_MatchesSingleCore()
    {
        // Enough floats to pass the parallel threshold, with 16 dimensions to keep the test's array at 16 MiB.
        const int dimension = 16;
        int count = (int)(TopKScan.MinParallelFloats / dimension) + 1_000;
        var random = new Random(3);
        var vectors = new float[count * dimension];
        for (int i = 0; i < vectors.Length; i++)
        {
            vectors[i] = random.Next(-2, 3);
        }

        float[] query = vectors.AsSpan(0, dimension).ToArray();

        IReadOnlyList<VectorSlotScore> allCores = VectorMath.TopK(vectors, dimension, count, query, 50);
        IReadOnlyList<VectorSlotScore> oneCore = VectorMath.TopK(vectors, dimension, count, query, 50, maxDegreeOfParallelism: 1);

        Assert.Equal(oneCore, allCores);
        Assert.Equal(50, allCores.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void TopK_InvalidParallelism_Throws(int maxDegreeOfParallelism)
    {
        float[] vectors = [1f, 0f];
        float[] query = [1f, 0f];

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => VectorMath.TopK(vectors, 2, 1, query, 1, maxDegreeOfParallelism: maxDegreeOfParallelism));

        Assert.Equal("maxDegreeOfParallelism", exception.ParamName);
    }

    [Fact]
    public void TopK_QueryLengthMismatch_Throws()
    {
        float[] vectors = [1f, 0f];
        float[] query = [1f];

        var exception = Assert.Throws<ArgumentException>(() => VectorMath.TopK(vectors, 2, 1, query, 1));

        Assert.Equal("query", exception.ParamName);
    }

    [Fact]
    public void TopK_CountBeyondArray_Throws()
    {
        float[] vectors = [1f, 0f];
        float[] query = [1f, 0f];

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => VectorMath.TopK(vectors, 2, 2, query, 1));

        Assert.Equal("count", exception.ParamName);
    }

    [Fact]
    public void TopK_ZeroTopK_ReturnsEmpty()
    {
        float[] vectors = [1f, 0f];
        float[] query = [1f, 0f];

        Assert.Empty(VectorMath.TopK(vectors, 2, 1, query, 0));
    }
}
