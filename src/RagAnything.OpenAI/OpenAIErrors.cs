using System.ClientModel;
using System.Net;
using Polly.Timeout;
using RagAnything.Errors;

namespace RagAnything.OpenAI;

/// <summary>
/// Classifies failures of OpenAI-compatible calls: which ones a retry can fix, and which
/// <see cref="RagAnythingException"/> category each one ends as.
/// </summary>
internal static class OpenAIErrors
{
    /// <summary>Returns whether a retry can succeed: rate limits, server errors and dropped connections.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        ClientResultException { Status: 0 } => true,
        ClientResultException result => result.Status is 408 or 409 or 429 or >= 500,
        HttpRequestException => true,
        _ => false,
    };

    /// <summary>
    /// Returns the <c>Retry-After</c> wait of a rate-limit or overload response (seconds or an HTTP date, or the
    /// <c>retry-after-ms</c> header that OpenAI also sends), capped at <paramref name="maxDelay"/>, or
    /// <see langword="null"/> when the response sets none.
    /// </summary>
    public static TimeSpan? RetryAfter(Exception? exception, DateTimeOffset now, TimeSpan maxDelay)
    {
        var headers = (exception as ClientResultException)?.GetRawResponse()?.Headers;
        if (headers is null)
        {
            return null;
        }

        TimeSpan? delay = null;
        if (headers.TryGetValue("retry-after-ms", out var milliseconds) && double.TryParse(milliseconds, System.Globalization.CultureInfo.InvariantCulture, out var ms))
        {
            delay = TimeSpan.FromMilliseconds(ms);
        }
        else if (headers.TryGetValue("Retry-After", out var value) && value is not null)
        {
            if (int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
            {
                delay = TimeSpan.FromSeconds(seconds);
            }
            else if (DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var date))
            {
                delay = date - now;
            }
        }

        if (delay is not { } wait)
        {
            return null;
        }

        // An HTTP date in the past means "now"; a wait above the cap is cut to it.
        return TimeSpan.FromTicks(Math.Clamp(wait.Ticks, 0, maxDelay.Ticks));
    }

    /// <summary>
    /// Turns a failed call into a <see cref="RagAnythingException"/> that names the model, the endpoint and what to do,
    /// or returns <see langword="null"/> for a failure this package does not classify, such as the caller cancelling.
    /// </summary>
    public static RagAnythingException? Map(Exception exception, string model, string endpoint, TimeSpan timeout, CancellationToken callerToken)
    {
        if (exception is OperationCanceledException && callerToken.IsCancellationRequested)
        {
            return null;
        }

        return exception switch
        {
            TimeoutRejectedException or OperationCanceledException or TimeoutException => new RagAnythingException(
                ErrorCategory.Timeout,
                $"Model '{model}' at {endpoint} did not respond within Timeout = {timeout}. Raise Timeout or use a faster model.",
                exception),
            ClientResultException { Status: 0 } or HttpRequestException => new RagAnythingException(
                ErrorCategory.Network,
                $"Model '{model}' at {endpoint} could not be reached: {exception.Message} Check Endpoint and that the server is running.",
                exception),
            ClientResultException result => FromStatus(result, model, endpoint),

            // The OpenAI library parses the body after a success status; a body it cannot read means the address
            // is not an OpenAI-compatible API, or a proxy responded in its place.
            System.Text.Json.JsonException => new RagAnythingException(
                ErrorCategory.Validation,
                $"Model '{model}' at {endpoint} returned a response that is not valid OpenAI JSON ({exception.Message}). Check that Endpoint is an OpenAI-compatible API base address ending in /v1/.",
                exception),
            _ => null,
        };
    }

    private static RagAnythingException FromStatus(ClientResultException result, string model, string endpoint)
    {
        var status = (HttpStatusCode)result.Status;
        var (category, advice) = result.Status switch
        {
            401 or 403 => (ErrorCategory.Validation, "The endpoint rejected the API key; check ApiKey."),
            404 => (ErrorCategory.Validation, "Check Endpoint and that the model id exists on that server."),
            408 or 409 or 429 => (ErrorCategory.Transient, "The endpoint is rate-limiting or busy; retries are exhausted, so try again later or raise MaxRetries."),
            >= 500 => (ErrorCategory.Transient, "The server failed; retries are exhausted, so try again later."),
            _ => (ErrorCategory.Validation, "The endpoint rejected the request; check the model id and the request options."),
        };

        return new RagAnythingException(
            category,
            $"Model '{model}' at {endpoint} answered {result.Status} ({status}). {advice}",
            result);
    }
}
