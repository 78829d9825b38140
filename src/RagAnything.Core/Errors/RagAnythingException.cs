namespace RagAnything.Errors;

/// <summary>
/// The base of every error the library raises on purpose. <see cref="Category"/> decides whether retrying can help.
/// </summary>
public class RagAnythingException : Exception
{
    /// <summary>Initializes a new instance with a category and a message that says what failed and what to do.</summary>
    public RagAnythingException(ErrorCategory category, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Category = category;
    }

    /// <summary>Gets the error category.</summary>
    public ErrorCategory Category { get; }
}
