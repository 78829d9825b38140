namespace RagAnything.Errors;

/// <summary>
/// Thrown by a parser when a document cannot be read: corrupt, encrypted, empty or over a limit.
/// </summary>
public sealed class DocumentParseException : RagAnythingException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="sourceName">The document's file name.</param>
    /// <param name="reason">A short machine-readable reason, such as <c>password-required</c> or <c>no-text-layer</c>.</param>
    /// <param name="category">The error category.</param>
    /// <param name="message">What failed and what to do about it.</param>
    /// <param name="innerException">The parser library's exception, if any.</param>
    public DocumentParseException(string sourceName, string reason, ErrorCategory category, string message, Exception? innerException = null)
        : base(category, message, innerException)
    {
        SourceName = sourceName;
        Reason = reason;
    }

    /// <summary>Gets the name of the document that failed.</summary>
    public string SourceName { get; }

    /// <summary>Gets the short reason code, such as <c>password-required</c>, <c>no-text-layer</c>, <c>corrupt</c> or <c>empty</c>.</summary>
    public string Reason { get; }
}
