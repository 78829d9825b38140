using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using RagAnything.Hosting.Diagnostics;
using RagAnything.Hosting.Problems;

namespace RagAnything.Hosting.Security;

/// <summary>
/// Rejects requests without a valid <c>X-API-Key</c> header with 401 problem details, when keys are configured.
/// Anonymous paths and CORS preflight requests pass without a key.
/// </summary>
internal sealed class ApiKeyMiddleware(RequestDelegate next, ApiKeyValidator validator, AnonymousPaths anonymous, ILogger<ApiKeyMiddleware> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!validator.IsEnabled
            || anonymous.Contains(context.Request.Path)
            || HttpMethods.IsOptions(context.Request.Method)
            || validator.IsValid(context.Request.Headers[SecurityOptions.ApiKeyHeaderName]))
        {
            return next(context);
        }

        Log.ApiKeyRejected(logger, context.Request.Path, context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        context.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{SecurityOptions.ApiKeyHeaderName}\"";
        return Results.Problem(
            $"The {SecurityOptions.ApiKeyHeaderName} header is missing or holds a key that is not accepted. Send a configured API key.",
            statusCode: StatusCodes.Status401Unauthorized,
            title: "An API key is required.",
            type: ProblemTypes.Unauthorized).ExecuteAsync(context);
    }
}
