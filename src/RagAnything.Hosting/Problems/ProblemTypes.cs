namespace RagAnything.Hosting.Problems;

/// <summary>
/// The <c>type</c> URIs of the RFC 9457 problem details the API returns. Each URI is stable, so clients may
/// branch on it instead of parsing messages.
/// </summary>
public static class ProblemTypes
{
    /// <summary>The common prefix of every problem type URI.</summary>
    public const string BaseUri = "https://raganything.dev/problems/";

    /// <summary>The request is invalid: a bad parameter, body or option. Fix the request before retrying.</summary>
    public const string Validation = BaseUri + "validation";

    /// <summary>A passing fault; the same request may succeed later.</summary>
    public const string Transient = BaseUri + "transient";

    /// <summary>The work did not finish within its time limit.</summary>
    public const string Timeout = BaseUri + "timeout";

    /// <summary>A remote endpoint such as a model server could not be reached.</summary>
    public const string Network = BaseUri + "network";

    /// <summary>Memory, disk or another resource ran out.</summary>
    public const string Resource = BaseUri + "resource";

    /// <summary>The input can never be processed as it is.</summary>
    public const string Permanent = BaseUri + "permanent";

    /// <summary>The id in the path names no document or task.</summary>
    public const string NotFound = BaseUri + "not-found";

    /// <summary>The request conflicts with the current state, such as reprocessing a document whose original is gone.</summary>
    public const string Conflict = BaseUri + "conflict";

    /// <summary>An uploaded file or the request body is over a configured limit.</summary>
    public const string PayloadTooLarge = BaseUri + "payload-too-large";

    /// <summary>The body is not multipart form data, or the document's format has no parser.</summary>
    public const string UnsupportedMediaType = BaseUri + "unsupported-media-type";

    /// <summary>The processing queue is full; retry after the time in <c>Retry-After</c>.</summary>
    public const string QueueFull = BaseUri + "queue-full";

    /// <summary>The API key is missing or not accepted.</summary>
    public const string Unauthorized = BaseUri + "unauthorized";

    /// <summary>The client sent more requests than its rate limit allows.</summary>
    public const string RateLimited = BaseUri + "rate-limited";

    /// <summary>The route exists but does not accept the request's HTTP method.</summary>
    public const string MethodNotAllowed = BaseUri + "method-not-allowed";

    /// <summary>An unexpected server error; the server log has the details.</summary>
    public const string ServerError = BaseUri + "server-error";

    /// <summary>Returns the type URI of an error category.</summary>
    /// <param name="category">The category of a <see cref="Errors.RagAnythingException"/> or a document error.</param>
    /// <returns>One of the category URIs above.</returns>
    public static string For(ErrorCategory category) => category switch
    {
        ErrorCategory.Validation => Validation,
        ErrorCategory.Transient => Transient,
        ErrorCategory.Timeout => Timeout,
        ErrorCategory.Network => Network,
        ErrorCategory.Resource => Resource,
        _ => Permanent,
    };
}
