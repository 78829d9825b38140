namespace RagAnything.Errors;

/// <summary>
/// Thrown when no registered parser reads the document's format.
/// </summary>
public sealed class UnsupportedDocumentException : RagAnythingException
{
    /// <summary>Initializes a new instance for a document and the media type detected from its content.</summary>
    public UnsupportedDocumentException(string sourceName, string mediaType)
        : base(
            ErrorCategory.Validation,
            $"Unsupported document '{sourceName}': its content was detected as '{mediaType}', which no registered parser reads. " +
            "Convert it to a supported format (text, Markdown, CSV, HTML, PDF, Word, Excel, PowerPoint or an image) or register a parser for this media type.")
    {
        SourceName = sourceName;
        MediaType = mediaType;
    }

    /// <summary>Gets the name of the rejected document.</summary>
    public string SourceName { get; }

    /// <summary>Gets the media type detected from the document's content.</summary>
    public string MediaType { get; }
}
