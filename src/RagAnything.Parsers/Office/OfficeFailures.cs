using RagAnything.Errors;

namespace RagAnything.Parsing;

/// <summary>
/// Builds the <see cref="DocumentParseException"/> instances specific to Office packages.
/// </summary>
internal static class OfficeFailures
{
    public const string ZipBombReason = "zip-bomb";
    public const string LegacyOrEncryptedReason = "unsupported-legacy-or-encrypted";

    public static DocumentParseException TotalSizeExceeded(string sourceName, long limit) =>
        new(sourceName, ZipBombReason, ErrorCategory.Validation,
            $"Document '{sourceName}' expands to more than {limit} bytes when decompressed, which exceeds " +
            $"{nameof(OfficeParserOptions)}.{nameof(OfficeParserOptions.MaxDecompressedBytes)}. " +
            "The file is either a ZIP bomb or unusually large; raise the limit only for files you trust.");

    public static DocumentParseException RatioExceeded(string sourceName, string entryName, long decompressed, long compressed, double limit) =>
        new(sourceName, ZipBombReason, ErrorCategory.Validation,
            $"Entry '{entryName}' of document '{sourceName}' decompresses from {compressed} to at least {decompressed} bytes, " +
            $"a ratio above {nameof(OfficeParserOptions)}.{nameof(OfficeParserOptions.MaxCompressionRatio)} ({limit}:1). " +
            "The file is probably a ZIP bomb; raise the limit only for files you trust.");

    public static DocumentParseException LegacyOrEncrypted(string sourceName, string format) =>
        new(sourceName, LegacyOrEncryptedReason, ErrorCategory.Validation,
            $"Document '{sourceName}' is an OLE2 compound file, not a {format} package: either a legacy Office 97-2003 " +
            $"file (.doc, .xls, .ppt) or a password-protected {format}. Save it again as an unprotected {format} and upload that.");
}
