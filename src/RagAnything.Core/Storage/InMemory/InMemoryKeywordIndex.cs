using RagAnything.Storage.Keyword;

namespace RagAnything.Storage.InMemory;

/// <summary>
/// An <see cref="IKeywordIndex"/> that keeps an inverted index in process memory and ranks texts by BM25
/// (k1 = 1.2, b = 0.75). Nothing survives the process.
/// </summary>
/// <remarks>
/// Texts and queries are split into terms by <see cref="KeywordTokenizer"/>, so query text never has any
/// syntax. Safe for concurrent use: searches run in parallel and wait only for writes.
/// </remarks>
public sealed class InMemoryKeywordIndex : IKeywordIndex
{
    // The usual BM25 constants: k1 sets how fast repeated terms stop adding score, b how much long texts are penalised.
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<string, IndexedText> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _postings = new(StringComparer.Ordinal);
    private long _totalLength;

    /// <inheritdoc/>
    public ValueTask UpsertAsync(IReadOnlyList<KeywordDocument> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        cancellationToken.ThrowIfCancellationRequested();

        // Tokenise outside the lock so that searches wait only for the posting updates.
        var prepared = new List<IndexedText>(documents.Count);
        foreach (KeywordDocument document in documents)
        {
            ArgumentNullException.ThrowIfNull(document, nameof(documents));
            ArgumentException.ThrowIfNullOrEmpty(document.Id, nameof(documents));
            ArgumentNullException.ThrowIfNull(document.DocumentId, nameof(documents));
            ArgumentNullException.ThrowIfNull(document.Text, nameof(documents));
            prepared.Add(IndexedText.Create(document));
        }

        _lock.EnterWriteLock();
        try
        {
            foreach (IndexedText text in prepared)
            {
                RemoveText(text.Id);
                AddText(text);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask DeleteDocumentAsync(string documentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        cancellationToken.ThrowIfCancellationRequested();

        _lock.EnterWriteLock();
        try
        {
            List<string> ids = _texts.Values
                .Where(text => string.Equals(text.DocumentId, documentId, StringComparison.Ordinal))
                .Select(text => text.Id)
                .ToList();
            foreach (string id in ids)
            {
                RemoveText(id);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<KeywordMatch>> SearchAsync(string query, int topK, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(topK);
        cancellationToken.ThrowIfCancellationRequested();

        HashSet<string> terms = new(KeywordTokenizer.Tokenize(query), StringComparer.Ordinal);
        if (terms.Count == 0 || topK == 0)
        {
            return ValueTask.FromResult<IReadOnlyList<KeywordMatch>>([]);
        }

        _lock.EnterReadLock();
        try
        {
            return ValueTask.FromResult(Rank(terms, topK));
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private IReadOnlyList<KeywordMatch> Rank(HashSet<string> terms, int topK)
    {
        int textCount = _texts.Count;
        double averageLength = textCount == 0 ? 0 : (double)_totalLength / textCount;
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);

        foreach (string term in terms)
        {
            if (!_postings.TryGetValue(term, out HashSet<string>? ids))
            {
                continue;
            }

            // The Lucene form of IDF, which stays positive even for terms found in most texts.
            double idf = Math.Log(1 + ((textCount - ids.Count + 0.5) / (ids.Count + 0.5)));
            foreach (string id in ids)
            {
                IndexedText text = _texts[id];
                int frequency = text.TermFrequencies[term];
                double lengthNorm = averageLength == 0 ? 1 : 1 - B + (B * text.Length / averageLength);
                double termScore = idf * frequency * (K1 + 1) / (frequency + (K1 * lengthNorm));
                scores[id] = scores.GetValueOrDefault(id) + termScore;
            }
        }

        // A min-heap of the best k, so ranking costs O(n log k) rather than a full sort.
        var heap = new PriorityQueue<string, (double Score, string Id)>(
            Comparer<(double Score, string Id)>.Create(static (left, right) =>
            {
                int byScore = left.Score.CompareTo(right.Score);
                return byScore != 0 ? byScore : string.CompareOrdinal(right.Id, left.Id);
            }));
        foreach ((string id, double score) in scores)
        {
            heap.Enqueue(id, (score, id));
            if (heap.Count > topK)
            {
                heap.Dequeue();
            }
        }

        var matches = new KeywordMatch[heap.Count];
        for (int i = matches.Length - 1; heap.TryDequeue(out string? id, out var priority); i--)
        {
            matches[i] = new KeywordMatch(id, _texts[id].DocumentId, priority.Score);
        }

        return matches;
    }

    private void AddText(IndexedText text)
    {
        _texts[text.Id] = text;
        _totalLength += text.Length;
        foreach (string term in text.TermFrequencies.Keys)
        {
            if (!_postings.TryGetValue(term, out HashSet<string>? ids))
            {
                ids = new HashSet<string>(StringComparer.Ordinal);
                _postings[term] = ids;
            }

            ids.Add(text.Id);
        }
    }

    private void RemoveText(string id)
    {
        if (!_texts.Remove(id, out IndexedText? text))
        {
            return;
        }

        _totalLength -= text.Length;
        foreach (string term in text.TermFrequencies.Keys)
        {
            HashSet<string> ids = _postings[term];
            ids.Remove(id);
            if (ids.Count == 0)
            {
                _postings.Remove(term);
            }
        }
    }
}
