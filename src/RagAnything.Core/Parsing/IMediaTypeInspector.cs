namespace RagAnything.Parsing;

/// <summary>
/// A media type detector that also reports when a file's extension does not match its content.
/// </summary>
public interface IMediaTypeInspector : IMediaTypeDetector
{
    /// <summary>Detects the media type of <paramref name="source"/> and describes any mismatch with its file name.</summary>
    /// <param name="source">The document to inspect.</param>
    /// <returns>The media type and, for a mismatch, a warning.</returns>
    MediaTypeDetection Inspect(DocumentSource source);
}
