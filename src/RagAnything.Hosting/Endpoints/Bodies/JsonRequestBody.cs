using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagAnything.Hosting.Diagnostics;
using RagAnything.Hosting.Problems;

namespace RagAnything.Hosting.Endpoints.Bodies;

/// <summary>
/// Reads the JSON body of a request in the endpoint itself, so that a malformed body gets a 400 that names the
/// JSON path, line and expected type. Minimal API binding rejects such bodies with a bare 400 before any
/// endpoint filter runs, which leaves the client nothing to act on.
/// </summary>
internal static class JsonRequestBody
{
    /// <summary>
    /// Reads the body as <typeparamref name="T"/> with the host's JSON options.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="example">A valid body for this endpoint, quoted in every error message.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The body, or a problem result to return as is: 415 without a JSON content type, 400 otherwise.</returns>
    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpContext context, string example, CancellationToken cancellationToken)
        where T : class
    {
        var request = context.Request;
        var endpoint = $"{request.Method} {request.PathBase}{request.Path}";
        if (!request.HasJsonContentType())
        {
            var contentType = string.IsNullOrEmpty(request.ContentType) ? "none" : $"'{request.ContentType}'";
            return (null, Reject(context, StatusCodes.Status415UnsupportedMediaType, $"The request to {endpoint} has the content type {contentType}. Send the body as JSON with 'Content-Type: application/json', for example {example}."));
        }

        if (request.ContentLength == 0)
        {
            return (null, Reject(context, StatusCodes.Status400BadRequest, $"The request body is empty, which is not valid JSON for {endpoint}. Send a JSON object such as {example}."));
        }

        var serializer = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var typeInfo = (JsonTypeInfo<T>)serializer.GetTypeInfo(typeof(T));

        T? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(request.Body, typeInfo, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException exception)
        {
            return (null, Reject(context, StatusCodes.Status400BadRequest, JsonBodyErrors.Describe(exception, typeInfo, endpoint, example)));
        }
        catch (NotSupportedException exception) when (JsonBodyErrors.TryDescribeMissingDiscriminator(exception, typeInfo, endpoint, example, out var detail))
        {
            return (null, Reject(context, StatusCodes.Status400BadRequest, detail));
        }

        if (body is null)
        {
            return (null, Reject(context, StatusCodes.Status400BadRequest, $"The request body is the JSON literal null, which is not valid for {endpoint}. Send a JSON object such as {example}."));
        }

        if (JsonNullElements.FindFirst(body, typeInfo) is { } nullPath)
        {
            return (null, Reject(context, StatusCodes.Status400BadRequest, $"The value at {nullPath} is null, which is not valid for {endpoint}. Remove the element or replace it with a value, and send a JSON object such as {example}."));
        }

        return (body, null);
    }

    private static IResult Reject(HttpContext context, int status, string detail)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(JsonRequestBody).FullName!);
        Log.RequestBodyRejected(logger, status, detail);

        return status == StatusCodes.Status415UnsupportedMediaType ? ApiProblems.UnsupportedMediaType(detail) : ApiProblems.Validation(detail);
    }
}
