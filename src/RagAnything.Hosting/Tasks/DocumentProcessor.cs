using RagAnything.Ingestion;
using RagAnything.Storage.Documents;

namespace RagAnything.Hosting.Tasks;

/// <summary>
/// Runs one stored document through <see cref="IRagAnything"/> again from its original bytes.
/// </summary>
internal sealed class DocumentProcessor(IRagAnything rag)
{
    /// <summary>Processes a document and returns the error it ended with, or <see langword="null"/> when it was processed.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<DocumentError?> ProcessAsync(string documentId, CancellationToken cancellationToken)
    {
        // WaitAsync ends the wait on cancellation even if the pipeline finishes the document later. A user's cancel
        // also stops the document in the pipeline (TaskCoordinator.CancelAsync); a host stop leaves it to recovery.
        var result = await rag.ReprocessAsync(documentId, cancellationToken).WaitAsync(cancellationToken).ConfigureAwait(false);

        if (result is null)
        {
            return new DocumentError(PipelineStages.Ingest, ErrorCategory.Validation, $"Document {documentId} was deleted before it was processed.");
        }

        return result.Status == DocumentProcessingStatus.Processed
            ? null
            : result.Error ?? new DocumentError(PipelineStages.Ingest, ErrorCategory.Permanent, $"Document {documentId} ended in status {result.Status} without an error.");
    }
}
