namespace RagAnything.Storage.Vectors;

/// <summary>
/// A bounded min-heap that keeps the best scored slots offered to it. Higher scores rank first and, among equal
/// scores, lower slots do, so the kept set and its order depend only on the candidates and not on the order in which
/// they arrive. Not safe for concurrent use.
/// </summary>
internal sealed class TopKHeap
{
    // The root is the worst kept candidate, so a new one is compared with it and, when better, replaces it.
    private readonly VectorSlotScore[] _items;
    private int _count;

    public TopKHeap(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);

        _items = new VectorSlotScore[capacity];
    }

    public int Count => _count;

    /// <summary>
    /// Compares two results by rank: positive when <paramref name="left"/> ranks above <paramref name="right"/>.
    /// NaN scores rank below every number, as <see cref="float.CompareTo(float)"/> orders them.
    /// </summary>
    public static int CompareRank(VectorSlotScore left, VectorSlotScore right)
    {
        int byScore = left.Score.CompareTo(right.Score);
        return byScore != 0 ? byScore : right.Slot.CompareTo(left.Slot);
    }

    /// <summary>Keeps the candidate if the heap has room or the candidate ranks above the worst one kept.</summary>
    public void Offer(int slot, float score)
    {
        var candidate = new VectorSlotScore(slot, score);
        if (_count < _items.Length)
        {
            _items[_count] = candidate;
            SiftUp(_count);
            _count++;
            return;
        }

        if (_count == 0 || CompareRank(candidate, _items[0]) <= 0)
        {
            return;
        }

        _items[0] = candidate;
        SiftDown(0);
    }

    /// <summary>Offers every candidate that <paramref name="other"/> kept.</summary>
    public void OfferAll(TopKHeap other)
    {
        for (int i = 0; i < other._count; i++)
        {
            Offer(other._items[i].Slot, other._items[i].Score);
        }
    }

    /// <summary>Returns the kept candidates, best first.</summary>
    public VectorSlotScore[] ToSortedArray()
    {
        var results = _items.AsSpan(0, _count).ToArray();
        Array.Sort(results, static (left, right) => CompareRank(right, left));
        return results;
    }

    private void SiftUp(int index)
    {
        VectorSlotScore item = _items[index];
        while (index > 0)
        {
            int parent = (index - 1) / 2;
            if (CompareRank(item, _items[parent]) >= 0)
            {
                break;
            }

            _items[index] = _items[parent];
            index = parent;
        }

        _items[index] = item;
    }

    private void SiftDown(int index)
    {
        VectorSlotScore item = _items[index];
        while (true)
        {
            int child = (2 * index) + 1;
            if (child >= _count)
            {
                break;
            }

            // Follow the worse child, so the worst kept candidate rises to the root.
            if (child + 1 < _count && CompareRank(_items[child + 1], _items[child]) < 0)
            {
                child++;
            }

            if (CompareRank(_items[child], item) >= 0)
            {
                break;
            }

            _items[index] = _items[child];
            index = child;
        }

        _items[index] = item;
    }
}
