using System.Buffers;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using RagAnything.Parsing;

namespace RagAnything.Hosting.Documents;

/// <summary>
/// Reads <c>file</c> parts from a multipart body one at a time into temporary files, hashing as it copies.
/// Nothing buffers a whole request or a whole file in memory, and the per-file limit is checked as bytes arrive.
/// </summary>
internal sealed class MultipartUploadReader(IOptions<RagAnythingHostingOptions> options)
{
    public const string FileFieldName = "file";

    private const int CopyBufferSize = 81920;

    /// <summary>Returns the multipart boundary, or throws 415 when the body is not <c>multipart/form-data</c>.</summary>
    public static string GetBoundary(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new UploadRejectedException(
                StatusCodes.Status415UnsupportedMediaType,
                $"The request content type '{request.ContentType}' is not supported. Send the files as multipart/form-data in parts named '{FileFieldName}'.");
        }

        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary))
        {
            throw new UploadRejectedException(StatusCodes.Status400BadRequest, "The multipart/form-data content type has no boundary parameter.");
        }

        return boundary;
    }

    /// <summary>Yields each file part in order; the caller disposes each one before asking for the next.</summary>
    /// <param name="context">The request to read.</param>
    /// <param name="maxFiles">The number of file parts allowed.</param>
    /// <param name="maxFilesSetting">The limit as the rejection message names it, such as <c>Hosting:Uploads:MaxFilesPerBatch = 32</c>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async IAsyncEnumerable<SpooledUpload> ReadAsync(HttpContext context, int maxFiles, string maxFilesSetting, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var uploads = options.Value.Uploads;
        var boundary = GetBoundary(context.Request);
        ApplyRequestLimit(context, uploads.MaxRequestBytes);

        // BodyLengthLimit is off because the per-file limit below gives the client a message that names the setting.
        var reader = new MultipartReader(boundary, context.Request.Body) { BodyLengthLimit = null };
        var files = 0;
        while (await ReadSectionAsync(reader, cancellationToken).ConfigureAwait(false) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.IsFileDisposition()
                || !string.Equals(disposition.Name.Value, FileFieldName, StringComparison.OrdinalIgnoreCase))
            {
                // Other form fields are read past and ignored.
                await section.Body.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
                continue;
            }

            files++;
            if (files > maxFiles)
            {
                throw new UploadRejectedException(
                    StatusCodes.Status400BadRequest,
                    $"The request has more than {maxFiles} '{FileFieldName}' parts, over the limit {maxFilesSetting}. Split it into several requests.");
            }

            var name = SafeFileName.From(disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : disposition.FileName.Value);
            yield return await SpoolAsync(section.Body, name, uploads, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void ApplyRequestLimit(HttpContext context, long maxRequestBytes)
    {
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = maxRequestBytes;
        }
    }

    private static async Task<MultipartSection?> ReadSectionAsync(MultipartReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException)
        {
            throw MalformedBody(exception);
        }
    }

    private static async Task<SpooledUpload> SpoolAsync(Stream body, string name, UploadOptions uploads, CancellationToken cancellationToken)
    {
        var folder = uploads.TempDirectory is { Length: > 0 } configured ? configured : Path.GetTempPath();
        Directory.CreateDirectory(folder);

        // The temporary name is random; the client's name never reaches the file system.
        var path = Path.Combine(folder, "raganything-upload-" + Guid.NewGuid().ToString("N") + ".tmp");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, CopyBufferSize, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long length = 0;
            int read;
            while ((read = await ReadBodyAsync(body, buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length > uploads.MaxFileBytes)
                {
                    throw new UploadRejectedException(
                        StatusCodes.Status413PayloadTooLarge,
                        $"File '{name}' is over the limit Hosting:Uploads:MaxFileBytes = {uploads.MaxFileBytes:N0} bytes. Split the file or raise the limit.");
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }

            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            return new SpooledUpload(name, file, length, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch
        {
            await file.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<int> ReadBodyAsync(Stream body, byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException)
        {
            throw MalformedBody(exception);
        }
    }

    private static UploadRejectedException MalformedBody(Exception exception)
    {
        // Kestrel reports a body over MaxRequestBodySize as a BadHttpRequestException, which is an IOException.
        if (exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return new UploadRejectedException(
                StatusCodes.Status413PayloadTooLarge,
                "The request body is over the limit Hosting:Uploads:MaxRequestBytes. Send fewer or smaller files per request.");
        }

        return new UploadRejectedException(StatusCodes.Status400BadRequest, $"The multipart body is malformed or ended early: {exception.Message}");
    }
}
