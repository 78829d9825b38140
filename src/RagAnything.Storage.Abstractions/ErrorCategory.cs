namespace RagAnything;

/// <summary>
/// The class of a failure, which decides whether the work is retried and how the failure is reported.
/// </summary>
public enum ErrorCategory
{
    /// <summary>The input is invalid (unsupported format, bad option, empty file). Never retried.</summary>
    Validation,

    /// <summary>A passing fault such as a rate limit, a 5xx response or an I/O hiccup. Retried with backoff.</summary>
    Transient,

    /// <summary>The work did not finish within its time limit.</summary>
    Timeout,

    /// <summary>A remote endpoint could not be reached.</summary>
    Network,

    /// <summary>Memory, disk or another resource ran out.</summary>
    Resource,

    /// <summary>The input can never be processed as it is (corrupt or encrypted file). Never retried.</summary>
    Permanent,
}
