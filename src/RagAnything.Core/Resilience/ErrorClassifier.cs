using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using RagAnything.Errors;

namespace RagAnything.Resilience;

/// <summary>
/// Maps exceptions to the library's <see cref="ErrorCategory"/>, which decides whether an operation is retried.
/// </summary>
public static class ErrorClassifier
{
    // Windows ERROR_HANDLE_DISK_FULL and ERROR_DISK_FULL, and ENOSPC on Linux and macOS, as IOException.HResult carries them.
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int UnixNoSpace = 28;

    /// <summary>
    /// Returns the category of <paramref name="exception"/>: the category of a <see cref="RagAnythingException"/>;
    /// <see cref="ErrorCategory.Transient"/> for HTTP 429 and 5xx, an open circuit breaker and other I/O errors;
    /// <see cref="ErrorCategory.Timeout"/> for timeouts, HTTP 408 and cancellations nobody asked for;
    /// <see cref="ErrorCategory.Network"/> for socket and connection failures; <see cref="ErrorCategory.Resource"/>
    /// for out-of-memory and a full disk; <see cref="ErrorCategory.Validation"/> for invalid arguments, options and
    /// other HTTP 4xx; and <see cref="ErrorCategory.Permanent"/> for corrupt data and anything not listed, so an
    /// unknown failure is never retried.
    /// </summary>
    /// <param name="exception">The failure.</param>
    public static ErrorCategory Classify(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);

        return exception switch
        {
            RagAnythingException known => known.Category,
            HttpRequestException http => ClassifyHttp(http),
            TimeoutRejectedException or TimeoutException or OperationCanceledException => ErrorCategory.Timeout,
            SocketException => ErrorCategory.Network,
            BrokenCircuitException => ErrorCategory.Transient,
            OutOfMemoryException or InsufficientExecutionStackException => ErrorCategory.Resource,
            IOException io when IsDiskFull(io) => ErrorCategory.Resource,
            InvalidDataException => ErrorCategory.Permanent,
            IOException => ErrorCategory.Transient,
            ArgumentException or OptionsValidationException => ErrorCategory.Validation,
            AggregateException { InnerExceptions.Count: 1 } aggregate => Classify(aggregate.InnerExceptions[0]),
            _ => ErrorCategory.Permanent,
        };
    }

    /// <summary>
    /// Returns whether an operation that failed with <paramref name="exception"/> may succeed when tried again:
    /// transient, timeout and network errors may, others never do.
    /// </summary>
    /// <param name="exception">The failure.</param>
    public static bool IsRetryable(Exception exception)
        => Classify(exception) is ErrorCategory.Transient or ErrorCategory.Timeout or ErrorCategory.Network;

    private static ErrorCategory ClassifyHttp(HttpRequestException exception)
    {
        if (exception.StatusCode is { } status)
        {
            var code = (int)status;
            return code switch
            {
                (int)HttpStatusCode.TooManyRequests => ErrorCategory.Transient,
                (int)HttpStatusCode.RequestTimeout => ErrorCategory.Timeout,
                >= 500 => ErrorCategory.Transient,
                (int)HttpStatusCode.Unauthorized or (int)HttpStatusCode.Forbidden or (int)HttpStatusCode.NotFound => ErrorCategory.Permanent,
                >= 400 => ErrorCategory.Validation,
                _ => ErrorCategory.Transient,
            };
        }

        // No status means the request never got a response.
        return exception.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError => ErrorCategory.Network,
            _ when exception.InnerException is SocketException => ErrorCategory.Network,
            _ when exception.InnerException is IOException => ErrorCategory.Network,
            _ => ErrorCategory.Transient,
        };
    }

    private static bool IsDiskFull(IOException exception)
        => exception.HResult is WindowsHandleDiskFull or WindowsDiskFull or UnixNoSpace;
}
