namespace RagAnything.Parsing;

/// <summary>
/// The outcome of one text recognition request.
/// </summary>
public enum TextRecognitionStatus
{
    /// <summary>The engine ran and returned text, which may be empty when the image has none.</summary>
    Recognized,

    /// <summary>OCR is turned off by configuration, so the engine did not run.</summary>
    Disabled,

    /// <summary>The OCR engine is not installed or could not be started.</summary>
    Unavailable,

    /// <summary>The engine did not finish within the configured timeout and was stopped.</summary>
    TimedOut,

    /// <summary>The engine ran and reported an error, for example an unreadable image or a missing language file.</summary>
    Failed,
}
