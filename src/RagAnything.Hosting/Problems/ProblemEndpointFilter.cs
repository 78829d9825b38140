using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using RagAnything.Errors;
using RagAnything.Hosting.Diagnostics;
using RagAnything.Hosting.Documents;

namespace RagAnything.Hosting.Problems;

/// <summary>
/// Turns library errors and malformed request bodies thrown by an endpoint into problem details, so no route
/// answers with a bare 500 for an error the caller can fix.
/// </summary>
internal sealed class ProblemEndpointFilter(ILogger<ProblemEndpointFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (RagAnythingException exception)
        {
            Log.RequestFailed(logger, null, exception.Category, exception.Message);
            return ApiProblems.FromException(context.HttpContext, exception);
        }
        catch (UploadRejectedException exception)
        {
            Log.UploadRejected(logger, exception.Message);
            return exception.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => ApiProblems.PayloadTooLarge(exception.Message),
                StatusCodes.Status415UnsupportedMediaType => ApiProblems.UnsupportedMediaType(exception.Message),
                _ => ApiProblems.Validation(exception.Message),
            };
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            Log.RequestFailed(logger, null, ErrorCategory.Validation, exception.Message);
            return ApiProblems.PayloadTooLarge(exception.Message);
        }
        catch (BadHttpRequestException exception)
        {
            // A truncated or malformed body: the client's fault, and the connection is usually gone already.
            Log.RequestFailed(logger, null, ErrorCategory.Validation, exception.Message);
            return ApiProblems.Validation($"The request body could not be read: {exception.Message}");
        }
    }
}
