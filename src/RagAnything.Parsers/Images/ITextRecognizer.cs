namespace RagAnything.Parsing;

/// <summary>
/// Recognises printed text in an image (optical character recognition).
/// </summary>
/// <remarks>
/// Implementations are safe for concurrent use. A missing OCR engine, a timeout or an engine error is reported in the
/// returned <see cref="TextRecognitionResult"/> rather than thrown, so a parser can keep the rest of a document and
/// record a warning. Only cancellation by the caller throws.
/// </remarks>
public interface ITextRecognizer
{
    /// <summary>Recognises the text in an encoded image, such as the bytes of a PNG or JPEG file.</summary>
    /// <param name="image">The encoded image bytes.</param>
    /// <param name="languages">
    /// The languages to recognise, as Tesseract language codes joined by <c>+</c> (such as <c>eng+kor</c>), or
    /// <see langword="null"/> for the configured default.
    /// </param>
    /// <param name="cancellationToken">Cancels the recognition and stops the engine.</param>
    /// <returns>The recognised text, or the reason no text was recognised.</returns>
    /// <exception cref="ArgumentException"><paramref name="image"/> is empty or <paramref name="languages"/> is not a list of language codes.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<TextRecognitionResult> RecognizeAsync(
        ReadOnlyMemory<byte> image,
        string? languages = null,
        CancellationToken cancellationToken = default);
}
