using Microsoft.AspNetCore.Http;
using RagAnything.Hosting.Endpoints.Contracts;
using RagAnything.Hosting.Tasks;
using RagAnything.Storage.Documents;

namespace RagAnything.Hosting.Documents;

/// <summary>
/// Reads uploaded files, admits each as a document and, when asked, queues it for processing.
/// </summary>
internal sealed class UploadService(MultipartUploadReader reader, DocumentAdmission admission, TaskCoordinator coordinator)
{
    public async Task<IReadOnlyList<UploadResponse>> UploadAsync(HttpContext context, int maxFiles, string maxFilesSetting, bool process, CancellationToken cancellationToken)
    {
        var results = new List<UploadResponse>();
        await foreach (var upload in reader.ReadAsync(context, maxFiles, maxFilesSetting, cancellationToken).ConfigureAwait(false))
        {
            await using (upload.ConfigureAwait(false))
            {
                if (upload.Length == 0)
                {
                    throw new UploadRejectedException(StatusCodes.Status400BadRequest, $"File '{upload.Name}' is empty (0 bytes). Check that the client sent the file's content.");
                }

                var head = await upload.ReadHeadAsync(cancellationToken).ConfigureAwait(false);
                var (record, alreadyPresent) = await admission.AdmitAsync(upload.Name, upload.Sha256, upload.Length, head, upload.OpenContent, cancellationToken).ConfigureAwait(false);
                results.Add(await QueueIfRequestedAsync(record, alreadyPresent, process, cancellationToken).ConfigureAwait(false));
            }
        }

        return results;
    }

    /// <summary>Queues a document that is not processed yet when <paramref name="process"/> is set; a processed or failed one is left alone.</summary>
    public async Task<UploadResponse> QueueIfRequestedAsync(DocumentStatusRecord record, bool alreadyPresent, bool process, CancellationToken cancellationToken)
    {
        if (!process || record.IsTerminal)
        {
            return new UploadResponse(DocumentResponse.From(record), null, alreadyPresent);
        }

        var outcome = await coordinator.QueueAsync(record, unlessFinished: alreadyPresent, cancellationToken).ConfigureAwait(false);
        return new UploadResponse(DocumentResponse.From(record), outcome.Task?.Id, alreadyPresent, outcome.QueueFull);
    }

    /// <summary>Returns the status code of a single upload: 200 for known bytes, 202 when queued, 201 when only stored.</summary>
    public static int StatusCodeOf(UploadResponse response)
    {
        if (response.AlreadyPresent)
        {
            return StatusCodes.Status200OK;
        }

        return response.TaskId is null ? StatusCodes.Status201Created : StatusCodes.Status202Accepted;
    }
}
