using Microsoft.AspNetCore.Http;

namespace RagAnything.Hosting.Problems;

/// <summary>
/// Gives the problem details that ASP.NET Core writes itself (a query value that does not parse, an unknown
/// route, a wrong method, a body of a content type the route does not accept, an unhandled exception) the same
/// stable <c>type</c> URIs as the API's own errors.
/// </summary>
internal static class ProblemTypeDefaults
{
    /// <summary>The prefix of the RFC section links that ASP.NET Core uses as the default type of each status code.</summary>
    private const string FrameworkTypePrefix = "https://tools.ietf.org/";

    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Type is not null && !problem.Type.StartsWith(FrameworkTypePrefix, StringComparison.Ordinal))
        {
            return;
        }

        problem.Type = problem.Status switch
        {
            StatusCodes.Status400BadRequest => ProblemTypes.Validation,
            StatusCodes.Status401Unauthorized => ProblemTypes.Unauthorized,
            StatusCodes.Status404NotFound => ProblemTypes.NotFound,
            StatusCodes.Status405MethodNotAllowed => ProblemTypes.MethodNotAllowed,
            StatusCodes.Status413PayloadTooLarge => ProblemTypes.PayloadTooLarge,
            StatusCodes.Status415UnsupportedMediaType => ProblemTypes.UnsupportedMediaType,
            StatusCodes.Status429TooManyRequests => ProblemTypes.RateLimited,
            >= StatusCodes.Status500InternalServerError => ProblemTypes.ServerError,
            _ => problem.Type,
        };

        if (problem.Status == StatusCodes.Status400BadRequest && problem.Detail is null)
        {
            problem.Detail = "A route or query value is missing or has the wrong format. Check the parameters against the OpenAPI description.";
        }

        // Routing returns 415 itself for a route that declares the content types it accepts. In this API only
        // the routes that read a JSON body declare any, so the detail can name the content type to send.
        if (problem.Status == StatusCodes.Status415UnsupportedMediaType && problem.Detail is null)
        {
            var request = context.HttpContext.Request;
            var contentType = string.IsNullOrEmpty(request.ContentType) ? "none" : $"'{request.ContentType}'";
            problem.Detail = $"The request to {request.Method} {request.PathBase}{request.Path} has the content type {contentType}. Send the body as JSON with 'Content-Type: application/json'.";
        }
    }
}
