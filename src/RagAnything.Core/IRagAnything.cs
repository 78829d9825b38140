using RagAnything.Content;
using RagAnything.Ingestion;
using RagAnything.Parsing;
using RagAnything.Query;

namespace RagAnything;

/// <summary>
/// Ingests documents and answers questions over them. Resolve it from the service provider after
/// <c>services.AddRagAnything(...)</c>. Thread-safe: ingestion and queries may run at the same time.
/// </summary>
public interface IRagAnything
{
    /// <summary>
    /// Ingests one document: parse, chunk, embed and index. Ingesting bytes that are already present does nothing
    /// and reports <see cref="IngestOutcome.AlreadyPresent"/>.
    /// </summary>
    /// <remarks>Document failures are reported in the result, not thrown; only cancellation throws.</remarks>
    Task<IngestResult> IngestAsync(DocumentSource source, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ingests a content list that the caller built, skipping parsing. The id comes from the SHA-256 of the list's JSON.
    /// </summary>
    Task<IngestResult> IngestContentAsync(string sourceName, IReadOnlyList<ContentItem> items, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ingests files, several at a time, and yields each result as it completes. A file that cannot be read or
    /// fails to process yields a failed result; the others go on.
    /// </summary>
    IAsyncEnumerable<IngestResult> IngestFilesAsync(IEnumerable<string> paths, CancellationToken cancellationToken = default);

    /// <summary>
    /// Processes again every document that the store holds in a non-terminal state, such as documents accepted
    /// before a crash, and waits until they finish. Hosts run this on start.
    /// </summary>
    Task<IReadOnlyList<IngestResult>> RecoverAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Processes a stored document again from its original bytes, whatever its current status.
    /// </summary>
    /// <returns>The result, or <see langword="null"/> when the id is unknown.</returns>
    Task<IngestResult?> ReprocessAsync(string documentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Cancels one document that is being processed; it ends as failed with a message saying so, and the others go on.
    /// </summary>
    /// <returns><see langword="true"/> when the document was being processed.</returns>
    bool CancelDocument(string documentId);

    /// <summary>
    /// Gets a document's current status, including changes not yet written to the status store.
    /// </summary>
    ValueTask<Storage.Documents.DocumentStatusRecord?> GetDocumentAsync(string documentId, CancellationToken cancellationToken = default);

    /// <summary>Returns the load of every pipeline stage: workers, queued and in-flight documents.</summary>
    IReadOnlyList<StageSnapshot> GetPipelineStages();

    /// <summary>
    /// Streams progress events of every document processed from now on, until cancelled. A subscriber that reads
    /// slowly loses its oldest events instead of holding memory or slowing ingestion.
    /// </summary>
    IAsyncEnumerable<IngestionProgress> WatchAsync(CancellationToken cancellationToken = default);

    /// <summary>Answers a question with citations.</summary>
    /// <exception cref="Errors.RagAnythingException">The request is invalid, or the mode needs a component that is not configured.</exception>
    Task<QueryResult> QueryAsync(QueryRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Answers a question as a stream: one <see cref="QueryStreamItemKind.References"/> item with the citations first,
    /// then <see cref="QueryStreamItemKind.AnswerFragment"/> items whose texts, joined, are the answer. With a chat model
    /// the fragments arrive as the model writes them; without one they are the extractive answer's sentences.
    /// </summary>
    /// <exception cref="Errors.RagAnythingException">
    /// The request is invalid, or the mode needs a component that is not configured. Thrown when the stream is first read.
    /// </exception>
    IAsyncEnumerable<QueryStreamItem> QueryStreamingAsync(QueryRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns the chunks that would be cited for a question, without generating an answer.
    /// </summary>
    /// <exception cref="Errors.RagAnythingException">The request is invalid or the mode is not available.</exception>
    Task<IReadOnlyList<Citation>> RetrieveAsync(QueryRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns everything retrieved for a question without generating an answer: the knowledge-graph entities and
    /// relations (in the graph modes) and the cited chunks, each within its token budget.
    /// </summary>
    /// <exception cref="Errors.RagAnythingException">The request is invalid, or the mode is <see cref="QueryMode.Bypass"/>, which retrieves nothing.</exception>
    Task<QueryContext> RetrieveContextAsync(QueryRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes a document with its chunks, vectors and keyword index entries.
    /// </summary>
    /// <returns><see langword="true"/> when the document existed.</returns>
    Task<bool> DeleteAsync(string documentId, CancellationToken cancellationToken = default);
}
