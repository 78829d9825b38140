namespace RagAnything.Parsing;

/// <summary>
/// Decides a document's media type from its content first and its file name second.
/// </summary>
public interface IMediaTypeDetector
{
    /// <summary>
    /// Returns the media type of <paramref name="source"/>, such as <c>application/pdf</c>, or
    /// <c>application/octet-stream</c> for an unknown binary.
    /// </summary>
    string Detect(DocumentSource source);
}
