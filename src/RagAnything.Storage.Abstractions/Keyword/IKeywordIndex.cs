namespace RagAnything.Storage.Keyword;

/// <summary>
/// A full-text index over chunk texts, ranked by BM25 or a comparable measure.
/// Implementations are safe for concurrent use.
/// </summary>
public interface IKeywordIndex
{
    /// <summary>Inserts or replaces texts by id.</summary>
    ValueTask UpsertAsync(IReadOnlyList<KeywordDocument> documents, CancellationToken cancellationToken = default);

    /// <summary>Removes every text of one document.</summary>
    ValueTask DeleteDocumentAsync(string documentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns up to <paramref name="topK"/> texts that match any term of <paramref name="query"/>, best first.
    /// The query is free text: operators and punctuation in it are treated as plain words.
    /// </summary>
    ValueTask<IReadOnlyList<KeywordMatch>> SearchAsync(string query, int topK, CancellationToken cancellationToken = default);
}
