using RagAnything.Storage.Vectors;

namespace RagAnything.Storage.InMemory;

/// <summary>
/// The vectors of one collection, normalised and stored back to back in one array so that a search
/// is one pass over contiguous memory, split across cores when the collection is large. Readers share a lock;
/// writers take it exclusively.
/// </summary>
internal sealed class VectorCollectionIndex
{
    private const int InitialCapacity = 64;

    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<string, int> _slotById = new(StringComparer.Ordinal);
    private float[] _vectors;
    private string[] _ids;
    private string[] _documentIds;
    private int _count;

    public VectorCollectionIndex(VectorCollectionInfo info)
    {
        Info = info;
        _vectors = new float[InitialCapacity * info.Dimension];
        _ids = new string[InitialCapacity];
        _documentIds = new string[InitialCapacity];
    }

    public VectorCollectionInfo Info { get; }

    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>Inserts or replaces records whose lengths the caller has checked against the dimension.</summary>
    public void Upsert(IReadOnlyList<VectorRecord> records)
    {
        int dimension = Info.Dimension;

        // Normalise outside the lock so that searches wait only for the copy.
        float[] normalized = new float[records.Count * dimension];
        for (int i = 0; i < records.Count; i++)
        {
            VectorMath.Normalize(records[i].Vector.Span, normalized.AsSpan(i * dimension, dimension));
        }

        _lock.EnterWriteLock();
        try
        {
            for (int i = 0; i < records.Count; i++)
            {
                VectorRecord record = records[i];
                if (!_slotById.TryGetValue(record.Id, out int slot))
                {
                    EnsureCapacity(_count + 1);
                    slot = _count++;
                    _slotById.Add(record.Id, slot);
                    _ids[slot] = record.Id;
                }

                _documentIds[slot] = record.DocumentId;
                normalized.AsSpan(i * dimension, dimension).CopyTo(_vectors.AsSpan(slot * dimension, dimension));
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public void Delete(IEnumerable<string> ids)
    {
        _lock.EnterWriteLock();
        try
        {
            foreach (string id in ids)
            {
                if (_slotById.TryGetValue(id, out int slot))
                {
                    RemoveSlot(slot);
                }
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public void DeleteDocument(string documentId)
    {
        _lock.EnterWriteLock();
        try
        {
            // Walk backwards because removing a slot moves the last vector into it.
            for (int slot = _count - 1; slot >= 0; slot--)
            {
                if (string.Equals(_documentIds[slot], documentId, StringComparison.Ordinal))
                {
                    RemoveSlot(slot);
                }
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Searches with a query that the caller has already normalised.</summary>
    public IReadOnlyList<VectorMatch> Search(ReadOnlySpan<float> normalizedQuery, int topK, IReadOnlyCollection<string>? documentIds)
    {
        HashSet<string>? allowed = documentIds is null ? null : new HashSet<string>(documentIds, StringComparer.Ordinal);

        _lock.EnterReadLock();
        try
        {
            string[] owners = _documentIds;
            // TopK may call the filter from several threads at once, which is safe because it only reads. This thread
            // holds the read lock until TopK returns, so no writer changes the arrays while other cores scan them.
            Func<int, bool>? include = allowed is null ? null : slot => allowed.Contains(owners[slot]);
            IReadOnlyList<VectorSlotScore> best = VectorMath.TopK(_vectors, Info.Dimension, _count, normalizedQuery, topK, include);

            var matches = new VectorMatch[best.Count];
            for (int i = 0; i < best.Count; i++)
            {
                int slot = best[i].Slot;
                matches[i] = new VectorMatch(_ids[slot], _documentIds[slot], best[i].Score);
            }

            return matches;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private void RemoveSlot(int slot)
    {
        int last = _count - 1;
        int dimension = Info.Dimension;
        _slotById.Remove(_ids[slot]);

        // Keep the array dense: the last vector takes the freed slot.
        if (slot != last)
        {
            _vectors.AsSpan(last * dimension, dimension).CopyTo(_vectors.AsSpan(slot * dimension, dimension));
            _ids[slot] = _ids[last];
            _documentIds[slot] = _documentIds[last];
            _slotById[_ids[slot]] = slot;
        }

        _ids[last] = null!;
        _documentIds[last] = null!;
        _count = last;
    }

    private void EnsureCapacity(int required)
    {
        if (required <= _ids.Length)
        {
            return;
        }

        int capacity = Math.Max(required, _ids.Length * 2);
        Array.Resize(ref _vectors, capacity * Info.Dimension);
        Array.Resize(ref _ids, capacity);
        Array.Resize(ref _documentIds, capacity);
    }
}
