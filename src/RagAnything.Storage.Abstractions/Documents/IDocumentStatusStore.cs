namespace RagAnything.Storage.Documents;

/// <summary>
/// Stores the state of every document. Implementations are safe for concurrent use, and
/// <see cref="TryAddAsync"/> is atomic so that two ingests of the same bytes create one document.
/// </summary>
public interface IDocumentStatusStore
{
    /// <summary>Gets one record, or <see langword="null"/> when the id is unknown.</summary>
    ValueTask<DocumentStatusRecord?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds <paramref name="record"/> unless a record with the same id exists.
    /// </summary>
    /// <returns><see langword="true"/> when the record was added; <see langword="false"/> when the id was already present.</returns>
    ValueTask<bool> TryAddAsync(DocumentStatusRecord record, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces records in one batch.</summary>
    ValueTask UpsertAsync(IReadOnlyList<DocumentStatusRecord> records, CancellationToken cancellationToken = default);

    /// <summary>Removes a record. Removing an unknown id does nothing.</summary>
    ValueTask DeleteAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Returns how many documents are in each status. Statuses with no documents may be absent.</summary>
    ValueTask<IReadOnlyDictionary<DocumentProcessingStatus, int>> GetCountsAsync(CancellationToken cancellationToken = default);

    /// <summary>Returns one page of records that match <paramref name="query"/>, ordered by id.</summary>
    ValueTask<DocumentStatusPage> ListAsync(DocumentStatusQuery query, CancellationToken cancellationToken = default);
}
