using System.Globalization;
using Microsoft.AspNetCore.Http;
using RagAnything.Errors;

namespace RagAnything.Hosting.Problems;

/// <summary>
/// Creates the problem-details results of the API, so every error carries a stable type URI and a status that
/// matches it.
/// </summary>
internal static class ApiProblems
{
    public static IResult Validation(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The request is invalid.", type: ProblemTypes.Validation);

    public static IResult NotFound(string kind, string id) =>
        Results.Problem(
            $"No {kind} has the id '{id}'. List the {kind}s to find a valid id.",
            statusCode: StatusCodes.Status404NotFound,
            title: $"The {kind} was not found.",
            type: ProblemTypes.NotFound);

    public static IResult NotFound(string kind, string id, string nextStep) =>
        Results.Problem(
            $"No {kind} has the key '{id}'. {nextStep}",
            statusCode: StatusCodes.Status404NotFound,
            title: $"The {kind} was not found.",
            type: ProblemTypes.NotFound);

    public static IResult Conflict(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "The request conflicts with the current state.", type: ProblemTypes.Conflict);

    public static IResult PayloadTooLarge(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "The upload is too large.", type: ProblemTypes.PayloadTooLarge);

    public static IResult UnsupportedMediaType(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The media type is not supported.", type: ProblemTypes.UnsupportedMediaType);

    public static IResult QueueFull(HttpContext context, TimeSpan retryAfter, int capacity)
    {
        var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Results.Problem(
            $"The processing queue is full ({capacity} tasks). Retry after {seconds} seconds.",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "The processing queue is full.",
            type: ProblemTypes.QueueFull);
    }

    /// <summary>
    /// The <c>Retry-After</c> sent with a 503 for a transient or resource error. Such faults, a model server
    /// restarting or a busy database, usually clear within seconds, and a short wait keeps clients from hammering.
    /// </summary>
    public static readonly TimeSpan TransientRetryAfter = TimeSpan.FromSeconds(5);

    public static IResult FromException(HttpContext context, RagAnythingException exception)
    {
        if (exception is UnsupportedDocumentException)
        {
            return UnsupportedMediaType(exception.Message);
        }

        var status = exception.Category switch
        {
            ErrorCategory.Validation => StatusCodes.Status400BadRequest,
            ErrorCategory.Permanent => StatusCodes.Status422UnprocessableEntity,
            ErrorCategory.Timeout => StatusCodes.Status504GatewayTimeout,
            ErrorCategory.Network => StatusCodes.Status502BadGateway,
            _ => StatusCodes.Status503ServiceUnavailable,
        };

        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = ((int)TransientRetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        return Results.Problem(exception.Message, statusCode: status, title: TitleOf(exception.Category), type: ProblemTypes.For(exception.Category));
    }

    private static string TitleOf(ErrorCategory category) => category switch
    {
        ErrorCategory.Validation => "The request is invalid.",
        ErrorCategory.Permanent => "The input cannot be processed.",
        ErrorCategory.Timeout => "The operation timed out.",
        ErrorCategory.Network => "A remote service could not be reached.",
        ErrorCategory.Resource => "The server ran out of a resource.",
        _ => "A transient fault occurred.",
    };
}
