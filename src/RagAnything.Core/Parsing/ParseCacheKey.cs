namespace RagAnything.Parsing;

/// <summary>
/// Builds parse-cache keys from the content hash, the parser id and the parser's options fingerprint.
/// </summary>
public static class ParseCacheKey
{
    /// <summary>The fingerprint used for parsers that do not implement <see cref="IVersionedParser"/>.</summary>
    public const string UnversionedFingerprint = "0";

    /// <summary>
    /// Returns the key <c>{sha256}:{parserId}:{fingerprint}</c>. The file name is not part of it, so a renamed copy
    /// hits the cache, while a changed option or parser version misses it.
    /// </summary>
    /// <param name="sha256">The lowercase hexadecimal SHA-256 of the document bytes.</param>
    /// <param name="parser">The parser that reads the document.</param>
    public static string Create(string sha256, IDocumentParser parser)
    {
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        ArgumentNullException.ThrowIfNull(parser);

        var fingerprint = parser is IVersionedParser versioned ? versioned.OptionsFingerprint : UnversionedFingerprint;
        return $"{sha256}:{parser.Id}:{fingerprint}";
    }
}
