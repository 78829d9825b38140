using System.Collections.Concurrent;
using RagAnything.Storage.Documents;

namespace RagAnything.Storage.InMemory;

/// <summary>
/// An <see cref="IDocumentStatusStore"/> that keeps every record in process memory. Nothing survives the process.
/// </summary>
/// <remarks>
/// Safe for concurrent use; <see cref="TryAddAsync"/> is atomic. Listing sorts a snapshot of the matching
/// records, so it costs O(n log n) per page, which suits the document counts an in-memory store is used for.
/// </remarks>
public sealed class InMemoryDocumentStatusStore : IDocumentStatusStore
{
    private readonly ConcurrentDictionary<string, DocumentStatusRecord> _records = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public ValueTask<DocumentStatusRecord?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        cancellationToken.ThrowIfCancellationRequested();

        return ValueTask.FromResult(_records.TryGetValue(id, out DocumentStatusRecord? record) ? record : null);
    }

    /// <inheritdoc/>
    public ValueTask<bool> TryAddAsync(DocumentStatusRecord record, CancellationToken cancellationToken = default)
    {
        DocumentStatusValidation.Validate(record, nameof(record));
        cancellationToken.ThrowIfCancellationRequested();

        return ValueTask.FromResult(_records.TryAdd(record.Id, record));
    }

    /// <inheritdoc/>
    public ValueTask UpsertAsync(IReadOnlyList<DocumentStatusRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (DocumentStatusRecord record in records)
        {
            DocumentStatusValidation.Validate(record, nameof(records));
        }

        cancellationToken.ThrowIfCancellationRequested();

        foreach (DocumentStatusRecord record in records)
        {
            _records[record.Id] = record;
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        cancellationToken.ThrowIfCancellationRequested();

        _records.TryRemove(id, out _);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyDictionary<DocumentProcessingStatus, int>> GetCountsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();

        var counts = new Dictionary<DocumentProcessingStatus, int>();
        foreach (DocumentStatusRecord record in _records.Values)
        {
            counts[record.Status] = counts.GetValueOrDefault(record.Status) + 1;
        }

        return ValueTask.FromResult<IReadOnlyDictionary<DocumentProcessingStatus, int>>(counts);
    }

    /// <inheritdoc/>
    public ValueTask<DocumentStatusPage> ListAsync(DocumentStatusQuery query, CancellationToken cancellationToken = default)
    {
        DocumentStatusValidation.ValidateQuery(query);
        cancellationToken.ThrowIfCancellationRequested();

        var matching = new List<DocumentStatusRecord>();
        foreach (DocumentStatusRecord record in _records.Values)
        {
            if (Matches(record, query))
            {
                matching.Add(record);
            }
        }

        matching.Sort(static (left, right) => string.CompareOrdinal(left.Id, right.Id));

        // Take one record more than the page size: its presence says whether another page exists.
        List<DocumentStatusRecord> page = matching.Take(query.PageSize + 1).ToList();
        bool hasMore = page.Count > query.PageSize;
        if (hasMore)
        {
            page.RemoveAt(page.Count - 1);
        }

        string? continuation = hasMore ? page[^1].Id : null;
        return ValueTask.FromResult(new DocumentStatusPage(page, continuation));
    }

    private static bool Matches(DocumentStatusRecord record, DocumentStatusQuery query)
    {
        if (query.ContinuationToken is not null && string.CompareOrdinal(record.Id, query.ContinuationToken) <= 0)
        {
            return false;
        }

        if (query.Status is { } status && record.Status != status)
        {
            return false;
        }

        return query.NameContains is null || record.SourceName.Contains(query.NameContains, StringComparison.OrdinalIgnoreCase);
    }
}
