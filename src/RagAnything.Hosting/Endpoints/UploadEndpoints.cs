using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using RagAnything.Hosting.Documents;
using RagAnything.Hosting.Endpoints.Contracts;
using RagAnything.Hosting.Problems;

namespace RagAnything.Hosting.Endpoints;

/// <summary>
/// Maps the streamed upload routes: one file, or a batch of files in one multipart body.
/// </summary>
internal static class UploadEndpoints
{
    // Accepts() metadata makes routing reject other content types with an empty 415. The multipart body is
    // described in words instead, so the handler can return 415 problem details itself.
    private const string MultipartDescription = "The body is multipart/form-data with each document in a part named 'file' that has a file name. The body is streamed to a temporary file, never buffered in memory.";

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapPost("/documents/upload", UploadAsync)
            .WithName("UploadDocument")
            .WithSummary("Uploads one document as the multipart part 'file'; with process=true it is queued for processing.")
            .WithDescription(MultipartDescription)
            .Produces<UploadResponse>(StatusCodes.Status200OK)
            .Produces<UploadResponse>(StatusCodes.Status201Created)
            .Produces<UploadResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapPost("/documents/upload/batch", UploadBatchAsync)
            .WithName("UploadDocumentBatch")
            .WithSummary("Uploads several documents as multipart parts named 'file'; with process=true each new one is queued.")
            .WithDescription(MultipartDescription)
            .Produces<BatchUploadResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    private static async Task<IResult> UploadAsync(
        HttpContext context,
        UploadService uploads,
        IOptions<RagAnythingHostingOptions> options,
        bool? process,
        CancellationToken cancellationToken)
    {
        var results = await uploads.UploadAsync(context, 1, "of one file per request; use /documents/upload/batch for several", process == true, cancellationToken).ConfigureAwait(false);
        if (results.Count == 0)
        {
            return ApiProblems.Validation($"The request has no file part. Send the document as a multipart/form-data part named '{MultipartUploadReader.FileFieldName}' with a file name.");
        }

        var result = results[0];
        if (result.QueueFull)
        {
            var tasks = options.Value.Tasks;
            return ApiProblems.QueueFull(context, tasks.RetryAfter, tasks.QueueCapacity);
        }

        return Results.Json(result, statusCode: UploadService.StatusCodeOf(result));
    }

    private static async Task<IResult> UploadBatchAsync(
        HttpContext context,
        UploadService uploads,
        IOptions<RagAnythingHostingOptions> options,
        bool? process,
        CancellationToken cancellationToken)
    {
        var maxFiles = options.Value.Uploads.MaxFilesPerBatch;
        var results = await uploads.UploadAsync(context, maxFiles, $"Hosting:Uploads:MaxFilesPerBatch = {maxFiles}", process == true, cancellationToken).ConfigureAwait(false);
        if (results.Count == 0)
        {
            return ApiProblems.Validation($"The request has no file parts. Send each document as a multipart/form-data part named '{MultipartUploadReader.FileFieldName}' with a file name.");
        }

        return Results.Json(new BatchUploadResponse(results), statusCode: StatusCodes.Status202Accepted);
    }
}
