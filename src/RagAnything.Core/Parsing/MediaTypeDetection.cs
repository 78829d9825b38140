namespace RagAnything.Parsing;

/// <summary>
/// The media type detected for a document, with a warning when its file name implies another type.
/// </summary>
/// <param name="MediaType">The media type to parse the document as, such as <c>application/pdf</c>.</param>
/// <param name="Warning">
/// A sentence for <see cref="Content.ParsedDocument.Warnings"/> when the extension and the content disagree, or
/// <see langword="null"/> when they agree.
/// </param>
public sealed record MediaTypeDetection(string MediaType, string? Warning);
