namespace RagAnything.Parsing;

/// <summary>
/// The text recognised in an image, or the reason why none was recognised.
/// </summary>
/// <param name="Status">The outcome.</param>
/// <param name="Text">The recognised text with normalised line ends; empty unless <paramref name="Status"/> is <see cref="TextRecognitionStatus.Recognized"/>.</param>
/// <param name="Message">What went wrong and what to do about it, or <see langword="null"/> on success.</param>
public sealed record TextRecognitionResult(TextRecognitionStatus Status, string Text, string? Message)
{
    /// <summary>Gets a value indicating whether the engine ran and returned text.</summary>
    public bool Succeeded => Status == TextRecognitionStatus.Recognized;

    /// <summary>Creates a successful result.</summary>
    /// <param name="text">The recognised text.</param>
    /// <returns>A result with <see cref="TextRecognitionStatus.Recognized"/>.</returns>
    public static TextRecognitionResult Recognized(string text) => new(TextRecognitionStatus.Recognized, text, null);

    /// <summary>Creates a result for a request that produced no text.</summary>
    /// <param name="status">Why no text was produced; must not be <see cref="TextRecognitionStatus.Recognized"/>.</param>
    /// <param name="message">What went wrong and what to do about it.</param>
    /// <returns>A result with an empty <see cref="Text"/>.</returns>
    public static TextRecognitionResult NotRecognized(TextRecognitionStatus status, string message)
    {
        if (status == TextRecognitionStatus.Recognized)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A result without text needs a failure status.");
        }

        return new(status, string.Empty, message);
    }
}
