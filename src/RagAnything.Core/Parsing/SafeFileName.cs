using System.Text;
using RagAnything.Content;

namespace RagAnything.Parsing;

/// <summary>
/// Reduces client-supplied names to a safe base name.
/// </summary>
public static class SafeFileName
{
    /// <summary>The name used when nothing usable is left of the input.</summary>
    public const string Fallback = "document";

    /// <summary>The maximum length of a safe name in characters.</summary>
    public const int MaxLength = 200;

    /// <summary>
    /// Returns the last path segment of <paramref name="name"/> without control characters, path separators or
    /// leading dots. Non-ASCII letters are kept.
    /// </summary>
    public static string From(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Fallback;
        }

        // Both separators count, whatever the current platform, because names come from other machines.
        var lastSeparator = name.LastIndexOfAny(['/', '\\']);
        var baseName = lastSeparator >= 0 ? name[(lastSeparator + 1)..] : name;

        var builder = new StringBuilder(baseName.Length);
        foreach (var rune in UnicodeText.ReplaceInvalid(baseName).Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            if (Rune.IsControl(rune) || rune.Value is ':' or '*' or '?' or '"' or '<' or '>' or '|')
            {
                continue;
            }

            builder.Append(rune.ToString());
        }

        var cleaned = builder.ToString().Trim().TrimStart('.').Trim();
        if (cleaned.Length == 0)
        {
            return Fallback;
        }

        return cleaned.Length <= MaxLength ? cleaned : TruncateKeepingExtension(cleaned);
    }

    private static string TruncateKeepingExtension(string name)
    {
        var extension = Path.GetExtension(name);
        if (extension.Length > 16)
        {
            extension = string.Empty;
        }

        var stemLength = MaxLength - extension.Length;

        // Never cut between the two halves of a surrogate pair.
        if (char.IsHighSurrogate(name[stemLength - 1]))
        {
            stemLength--;
        }

        return string.Concat(name.AsSpan(0, stemLength), extension);
    }
}
