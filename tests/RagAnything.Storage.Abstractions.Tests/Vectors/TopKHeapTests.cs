using RagAnything.Storage.Vectors;

namespace RagAnything.Storage.Abstractions.Tests.Vectors;

public sealed class TopKHeapTests
{
    [Fact]
    public void Offer_ArrivalOrder_DoesNotChangeResult()
    {
        VectorSlotScore[] candidates = [new(4, 0.2f), new(1, 0.7f), new(9, 0.7f), new(3, 0.7f), new(0, 0.1f), new(7, 0.9f)];
        VectorSlotScore[] expected = [new(7, 0.9f), new(1, 0.7f), new(3, 0.7f)];

        foreach (VectorSlotScore[] order in new[] { candidates, candidates.Reverse().ToArray(), candidates.OrderBy(c => c.Slot).ToArray() })
        {
            var heap = new TopKHeap(3);
            foreach (VectorSlotScore candidate in order)
            {
                heap.Offer(candidate.Slot, candidate.Score);
            }

            Assert.Equal(expected, heap.ToSortedArray());
        }
    }

    [Fact]
    public void Offer_NaNScore_RanksLast()
    {
        var heap = new TopKHeap(2);
        heap.Offer(0, float.NaN);
        heap.Offer(1, -5f);
        heap.Offer(2, float.NaN);

        Assert.Equal([1, 0], heap.ToSortedArray().Select(result => result.Slot));
    }

    [Fact]
    public void Offer_ZeroCapacity_KeepsNothing()
    {
        var heap = new TopKHeap(0);
        heap.Offer(0, 1f);

        Assert.Empty(heap.ToSortedArray());
    }

    [Fact]
    public void OfferAll_TwoHeaps_KeepsBestOfBoth()
    {
        var left = new TopKHeap(2);
        left.Offer(0, 0.3f);
        left.Offer(1, 0.8f);
        var right = new TopKHeap(2);
        right.Offer(5, 0.8f);
        right.Offer(6, 0.9f);

        var merged = new TopKHeap(3);
        merged.OfferAll(left);
        merged.OfferAll(right);

        Assert.Equal([new(6, 0.9f), new(1, 0.8f), new(5, 0.8f)], merged.ToSortedArray());
    }
}
