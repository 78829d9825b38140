namespace RagAnything.Parsing;

/// <summary>
/// The outcome of content sniffing: the media type that parsing should use and how it compares with the file name.
/// </summary>
/// <param name="MediaType">The media type chosen from the content, or from the extension for text-like content.</param>
/// <param name="ExtensionMediaType">
/// The media type that the file name's extension implies, or <see langword="null"/> for an unknown or missing extension.
/// </param>
public sealed record SniffResult(string MediaType, string? ExtensionMediaType)
{
    /// <summary>
    /// Gets a value indicating whether the extension implies another media type than the content, such as a PDF named
    /// <c>report.docx</c>. The content always wins.
    /// </summary>
    public bool IsMismatch =>
        ExtensionMediaType is not null && !string.Equals(ExtensionMediaType, MediaType, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Gets a sentence for the log that describes a mismatch, or <see langword="null"/> when there is none.
    /// </summary>
    public string? MismatchWarning => IsMismatch
        ? $"The file extension implies '{ExtensionMediaType}' but the content was detected as '{MediaType}'; the content was used."
        : null;
}
