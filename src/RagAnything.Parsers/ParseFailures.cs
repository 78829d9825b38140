using RagAnything.Errors;

namespace RagAnything.Parsing;

/// <summary>
/// Builds the <see cref="DocumentParseException"/> instances that the parsers share, so reason codes stay consistent.
/// </summary>
internal static class ParseFailures
{
    public const string EmptyReason = "empty";
    public const string CorruptReason = "corrupt";
    public const string PasswordRequiredReason = "password-required";
    public const string NoTextLayerReason = "no-text-layer";

    public static DocumentParseException Empty(string sourceName) =>
        new(sourceName, EmptyReason, ErrorCategory.Validation,
            $"Document '{sourceName}' is empty: it contains no readable text. Check that the right file was uploaded.");

    public static DocumentParseException Corrupt(string sourceName, string format, Exception? innerException) =>
        new(sourceName, CorruptReason, ErrorCategory.Permanent,
            $"Document '{sourceName}' is not a readable {format} file: it is corrupt or truncated. " +
            "Re-export or re-download the file and upload it again.",
            innerException);

    public static void ThrowIfUnsupported(IDocumentParser parser, string mediaType)
    {
        ArgumentNullException.ThrowIfNull(mediaType);

        if (!parser.MediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                $"Parser '{parser.Id}' does not read media type '{mediaType}'; it reads {string.Join(", ", parser.MediaTypes)}.",
                nameof(mediaType));
        }
    }
}
