using RagAnything.Errors;

namespace RagAnything.Resilience;

/// <summary>
/// A rate-limit or overload response (HTTP 429 or 503) from a model, with the wait the server asked for.
/// </summary>
/// <remarks>
/// Chat and embedding adapters throw it so the retry pipeline and the chat scheduler can honour
/// <see cref="RetryAfter"/>. An <see cref="System.Net.Http.HttpRequestException"/> may carry the same hint in its
/// <see cref="Exception.Data"/> under <see cref="RetryAfterHint.DataKey"/> instead.
/// </remarks>
public sealed class RateLimitedException : RagAnythingException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What was rate limited and what to do.</param>
    /// <param name="retryAfter">The wait the server asked for, or <see langword="null"/> if it gave none.</param>
    /// <param name="innerException">The provider's exception, if any.</param>
    public RateLimitedException(string message, TimeSpan? retryAfter, Exception? innerException = null)
        : base(ErrorCategory.Transient, message, innerException)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>Gets the wait the server asked for, or <see langword="null"/> if it gave none.</summary>
    public TimeSpan? RetryAfter { get; }
}
