using RagAnything.Embeddings.Onnx.Internal;

namespace RagAnything.Embeddings.Onnx.Tests;

public sealed class BatchPlannerTests
{
    [Fact]
    public void Plan_SortByLength_GroupsSimilarLengths()
    {
        int[] lengths = [50, 3, 48, 4, 49, 5];

        var batches = BatchPlanner.Plan(lengths, maxInputs: 3, maxTokens: 10_000, sortByLength: true);

        Assert.Equal(2, batches.Count);
        Assert.Equal([1, 3, 5], batches[0]);
        Assert.Equal([2, 4, 0], batches[1]);
    }

    [Fact]
    public void Plan_NoSorting_KeepsInputOrder()
    {
        int[] lengths = [50, 3, 48, 4, 49, 5];

        var batches = BatchPlanner.Plan(lengths, maxInputs: 3, maxTokens: 10_000, sortByLength: false);

        Assert.Equal([0, 1, 2], batches[0]);
        Assert.Equal([3, 4, 5], batches[1]);
    }

    [Fact]
    public void Plan_TokenLimit_ClosesBatchBeforeExceeding()
    {
        // Sorted: 10, 10, 10, 30, 30. Three 10s make 30 tokens; adding a 30 would make 4 × 30 = 120 > 100.
        int[] lengths = [30, 10, 10, 30, 10];

        var batches = BatchPlanner.Plan(lengths, maxInputs: 32, maxTokens: 100, sortByLength: true);

        Assert.Equal(2, batches.Count);
        Assert.Equal([1, 2, 4], batches[0]);
        Assert.Equal([0, 3], batches[1]);
        Assert.All(batches, batch => Assert.True(batch.Length * batch.Max(index => lengths[index]) <= 100));
    }

    [Fact]
    public void Plan_InputOverTokenLimit_GetsOwnBatch()
    {
        int[] lengths = [5, 300, 5];

        var batches = BatchPlanner.Plan(lengths, maxInputs: 32, maxTokens: 256, sortByLength: true);

        Assert.Equal([[0, 2], [1]], batches);
    }

    [Fact]
    public void Plan_NoInputs_ReturnsNoBatches()
    {
        Assert.Empty(BatchPlanner.Plan([], maxInputs: 8, maxTokens: 256, sortByLength: true));
    }

    [Fact]
    public void Plan_EveryInput_AppearsExactlyOnce()
    {
        var random = new Random(17);
        int[] lengths = Enumerable.Range(0, 200).Select(_ => random.Next(2, 257)).ToArray();

        var batches = BatchPlanner.Plan(lengths, maxInputs: 32, maxTokens: 2048, sortByLength: true);

        Assert.Equal(Enumerable.Range(0, 200), batches.SelectMany(batch => batch).Order());
        Assert.All(batches, batch => Assert.True(batch.Length <= 32));
        Assert.All(batches, batch => Assert.True(batch.Length * batch.Max(index => lengths[index]) <= 2048));
    }
}
