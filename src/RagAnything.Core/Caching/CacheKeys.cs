using System.Security.Cryptography;
using System.Text;

namespace RagAnything.Caching;

/// <summary>
/// Hashes the parts of a cache key into a fixed-length key, so long prompts and texts fit the key-length limit of
/// HybridCache (1024 characters by default) and of distributed caches.
/// </summary>
internal static class CacheKeys
{
    /// <summary>Returns the lowercase hexadecimal SHA-256 of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static string Sha256(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>
    /// Returns the SHA-256 of the parts, each preceded by its length, so that no two different part lists can
    /// produce the same input to the hash (as "ab" + "c" and "a" + "bc" would when simply joined).
    /// </summary>
    public static string Combine(params ReadOnlySpan<string> parts)
    {
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            builder.Append(part.Length).Append(':').Append(part);
        }

        return Sha256(builder.ToString());
    }
}
