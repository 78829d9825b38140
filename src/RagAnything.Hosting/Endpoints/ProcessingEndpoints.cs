using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using RagAnything.Hosting.Documents;
using RagAnything.Hosting.Endpoints.Bodies;
using RagAnything.Hosting.Endpoints.Contracts;
using RagAnything.Hosting.Problems;
using RagAnything.Hosting.Tasks;
using RagAnything.Parsing;
using RagAnything.Storage.Blobs;

namespace RagAnything.Hosting.Endpoints;

/// <summary>
/// Maps the routes that queue stored documents for processing and that ingest text posted in the body.
/// </summary>
internal static class ProcessingEndpoints
{
    /// <summary>A valid batch body, quoted in the messages of 400 responses.</summary>
    private const string ExampleBatchBody = """{"documentIds": ["doc-..."]}""";

    /// <summary>Valid text bodies of both kinds, quoted in the messages of 400 responses.</summary>
    private const string ExampleTextBody = """{"text": "Lighthouses guide ships.", "name": "notes.txt"} or {"name": "notes.json", "items": [{"kind": "text", "text": "Lighthouses guide ships."}]}""";

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapPost("/documents/{id}/process", ProcessAsync)
            .WithName("ProcessDocument")
            .WithSummary("Queues a stored document for processing again from its original bytes.")
            .Produces<TaskResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapPost("/documents/process/batch", ProcessBatchAsync)
            .WithName("ProcessDocumentBatch")
            .WithSummary("Queues several stored documents for processing and reports the outcome for each.")
            .Accepts<ProcessBatchRequest>("application/json")
            .Produces<ProcessBatchResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        group.MapPost("/documents/text", IngestTextAsync)
            .WithName("IngestText")
            .WithSummary("Ingests raw text as a .txt document (queued), or a content list built by the caller (processed before the response).")
            .Accepts<TextIngestRequest>("application/json")
            .Produces<UploadResponse>(StatusCodes.Status200OK)
            .Produces<UploadResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> ProcessAsync(
        string id,
        HttpContext context,
        IRagAnything rag,
        IBlobStore blobs,
        TaskCoordinator coordinator,
        IOptions<RagAnythingHostingOptions> options,
        CancellationToken cancellationToken)
    {
        var record = await rag.GetDocumentAsync(id, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return ApiProblems.NotFound("document", id);
        }

        if (record.BlobKey is null || !await blobs.ExistsAsync(record.BlobKey, cancellationToken).ConfigureAwait(false))
        {
            return ApiProblems.Conflict($"The original bytes of document {id} are not stored, so it cannot be processed again. Upload the file again.");
        }

        var outcome = await coordinator.QueueAsync(record, unlessFinished: false, cancellationToken).ConfigureAwait(false);
        if (outcome.Task is null)
        {
            return ApiProblems.QueueFull(context, options.Value.Tasks.RetryAfter, options.Value.Tasks.QueueCapacity);
        }

        return Results.Json(TaskResponse.From(outcome.Task), statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> ProcessBatchAsync(
        HttpContext context,
        IRagAnything rag,
        IBlobStore blobs,
        TaskCoordinator coordinator,
        IOptions<RagAnythingHostingOptions> options,
        CancellationToken cancellationToken)
    {
        var (request, problem) = await JsonRequestBody.ReadAsync<ProcessBatchRequest>(context, ExampleBatchBody, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var maxFiles = options.Value.Uploads.MaxFilesPerBatch;
        if (request!.DocumentIds is not { Count: > 0 } ids)
        {
            return ApiProblems.Validation($"The body has no documentIds. Send {ExampleBatchBody}.");
        }

        if (ids.Count > maxFiles)
        {
            return ApiProblems.Validation($"The request names {ids.Count} documents, over the limit Hosting:Uploads:MaxFilesPerBatch = {maxFiles}. Split it into several requests.");
        }

        var items = new List<ProcessBatchItem>(ids.Count);
        foreach (var id in ids)
        {
            var record = await rag.GetDocumentAsync(id, cancellationToken).ConfigureAwait(false);
            if (record is null)
            {
                items.Add(new ProcessBatchItem(id, "notFound", null));
                continue;
            }

            if (record.BlobKey is null || !await blobs.ExistsAsync(record.BlobKey, cancellationToken).ConfigureAwait(false))
            {
                items.Add(new ProcessBatchItem(id, "originalMissing", null));
                continue;
            }

            var outcome = await coordinator.QueueAsync(record, unlessFinished: false, cancellationToken).ConfigureAwait(false);
            items.Add(new ProcessBatchItem(id, outcome.Task is null ? "queueFull" : "queued", outcome.Task?.Id));
        }

        return Results.Json(new ProcessBatchResponse(items), statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> IngestTextAsync(
        HttpContext context,
        IRagAnything rag,
        DocumentAdmission admission,
        UploadService uploads,
        IOptions<RagAnythingHostingOptions> options,
        CancellationToken cancellationToken)
    {
        var (request, problem) = await JsonRequestBody.ReadAsync<TextIngestRequest>(context, ExampleTextBody, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if ((request!.Text is null) == (request.Items is null))
        {
            return ApiProblems.Validation($"Send exactly one of 'text' (raw text) and 'items' (a content list), such as {ExampleTextBody}.");
        }

        if (request.Items is not null)
        {
            return await IngestContentListAsync(request.Name, request.Items, rag, context, cancellationToken).ConfigureAwait(false);
        }

        if (string.IsNullOrWhiteSpace(request.Text))
        {
            return ApiProblems.Validation("The 'text' field is empty. Send the text to ingest.");
        }

        var bytes = Encoding.UTF8.GetBytes(request.Text);
        var maxBytes = options.Value.Uploads.MaxFileBytes;
        if (bytes.Length > maxBytes)
        {
            return ApiProblems.PayloadTooLarge($"The text is {bytes.Length:N0} bytes in UTF-8, over the limit Hosting:Uploads:MaxFileBytes = {maxBytes:N0}. Split the text.");
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var name = request.Name is { Length: > 0 } given ? SafeFileName.From(given) : $"text-{sha256[..12]}.txt";
        var (record, alreadyPresent) = await admission.AdmitAsync(name, sha256, bytes.Length, bytes, () => new MemoryStream(bytes, writable: false), cancellationToken).ConfigureAwait(false);

        var result = await uploads.QueueIfRequestedAsync(record, alreadyPresent, process: true, cancellationToken).ConfigureAwait(false);
        if (result.QueueFull)
        {
            return ApiProblems.QueueFull(context, options.Value.Tasks.RetryAfter, options.Value.Tasks.QueueCapacity);
        }

        return Results.Json(result, statusCode: alreadyPresent ? StatusCodes.Status200OK : StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> IngestContentListAsync(
        string? name,
        IReadOnlyList<Content.ContentItem> items,
        IRagAnything rag,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return ApiProblems.Validation("The content list 'items' is empty. Send at least one item.");
        }

        // TODO: queue content lists as tasks like files. They are processed in the request for now, because the
        // document id comes from the pipeline's own serialization of the list and is known only afterwards.
        var result = await rag.IngestContentAsync(name ?? "content-list.json", items, cancellationToken).ConfigureAwait(false);
        var record = result.DocumentId is null ? null : await rag.GetDocumentAsync(result.DocumentId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return ApiProblems.FromException(context, new Errors.RagAnythingException(result.Error?.Category ?? ErrorCategory.Permanent, result.Error?.Message ?? "The content list could not be ingested."));
        }

        return Results.Ok(new UploadResponse(DocumentResponse.From(record), null, result.Outcome == Ingestion.IngestOutcome.AlreadyPresent));
    }
}
