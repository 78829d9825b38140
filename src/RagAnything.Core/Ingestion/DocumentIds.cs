namespace RagAnything.Ingestion;

/// <summary>
/// Derives document ids from content hashes, so the same bytes always get the same id.
/// </summary>
public static class DocumentIds
{
    /// <summary>The prefix of every document id.</summary>
    public const string Prefix = "doc-";

    /// <summary>
    /// Returns the id for a document whose SHA-256 is <paramref name="sha256Hex"/>: the prefix and the first 32 hex
    /// digits (128 bits), which keeps ids short while collisions stay out of reach.
    /// </summary>
    public static string FromSha256(string sha256Hex)
    {
        ArgumentException.ThrowIfNullOrEmpty(sha256Hex);
        if (sha256Hex.Length < 32)
        {
            throw new ArgumentException($"A SHA-256 hex string has 64 digits, but '{sha256Hex}' has {sha256Hex.Length}.", nameof(sha256Hex));
        }

        return string.Concat(Prefix, sha256Hex.AsSpan(0, 32)).ToLowerInvariant();
    }
}
