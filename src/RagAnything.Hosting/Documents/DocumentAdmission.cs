using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RagAnything.Errors;
using RagAnything.Hosting.Diagnostics;
using RagAnything.Ingestion;
using RagAnything.Parsing;
using RagAnything.Storage;
using RagAnything.Storage.Blobs;
using RagAnything.Storage.Documents;

namespace RagAnything.Hosting.Documents;

/// <summary>
/// Accepts a document's bytes: detects the media type, stores the original in the blob store and adds a
/// pending status record. Known bytes are recognised by their hash and not stored twice.
/// </summary>
internal sealed class DocumentAdmission(
    IServiceProvider services,
    IRagAnything rag,
    IDocumentStatusStore statuses,
    IBlobStore blobs,
    TimeProvider time,
    ILogger<DocumentAdmission> logger)
{
    /// <summary>Admits a document and returns its record and whether the same bytes were already present.</summary>
    /// <param name="name">The safe file name.</param>
    /// <param name="sha256">The lowercase hexadecimal SHA-256 of the content.</param>
    /// <param name="size">The content length in bytes.</param>
    /// <param name="head">The leading bytes, for media type detection.</param>
    /// <param name="openContent">Returns the whole content from its first byte; called only for new documents.</param>
    /// <param name="cancellationToken">Cancels the admission.</param>
    /// <exception cref="UnsupportedDocumentException">No registered parser reads the detected media type.</exception>
    public async Task<(DocumentStatusRecord Record, bool AlreadyPresent)> AdmitAsync(
        string name,
        string sha256,
        long size,
        ReadOnlyMemory<byte> head,
        Func<Stream> openContent,
        CancellationToken cancellationToken)
    {
        var documentId = DocumentIds.FromSha256(sha256);
        var existing = await rag.GetDocumentAsync(documentId, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            Log.DocumentAlreadyPresent(logger, documentId, name);
            return (existing, true);
        }

        var mediaType = DetectSupportedMediaType(name, head);

        // The original is written before the record, so no record ever points at a missing blob.
        var blobKey = StoreCollections.OriginalsPrefix + documentId;
        await blobs.WriteAsync(blobKey, openContent(), cancellationToken).ConfigureAwait(false);

        var now = time.GetUtcNow();
        var record = new DocumentStatusRecord
        {
            Id = documentId,
            SourceName = name,
            MediaType = mediaType,
            Size = size,
            Sha256 = sha256,
            Status = DocumentProcessingStatus.Pending,
            BlobKey = blobKey,
            CreatedAt = now,
            UpdatedAt = now,
        };

        // Two clients uploading the same bytes at once both get here; the store lets exactly one add the record.
        if (!await statuses.TryAddAsync(record, cancellationToken).ConfigureAwait(false))
        {
            var winner = await rag.GetDocumentAsync(documentId, cancellationToken).ConfigureAwait(false);
            Log.DocumentAlreadyPresent(logger, documentId, name);
            return (winner ?? record, true);
        }

        Log.DocumentAccepted(logger, documentId, name, size, mediaType ?? "unknown");
        return (record, false);
    }

    private string? DetectSupportedMediaType(string name, ReadOnlyMemory<byte> head)
    {
        // Without a detector (no AddDefaultParsers) the pipeline decides later and reports failures on the document.
        var detector = services.GetService<IMediaTypeDetector>();
        if (detector is null)
        {
            return null;
        }

        var mediaType = detector.Detect(new DocumentSource(name, head));
        var parsers = services.GetServices<IDocumentParser>();
        if (!parsers.Any(parser => parser.MediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase)))
        {
            throw new UnsupportedDocumentException(name, mediaType);
        }

        return mediaType;
    }
}
