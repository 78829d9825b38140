using System.Text;

namespace RagAnything.Parsing;

/// <summary>
/// Character-level clean-up shared by the parsers: control characters, ligatures and runs of spaces.
/// </summary>
internal static class TextCleaner
{
    /// <summary>
    /// Removes control characters (C0 and C1) except line feed and tab. Carriage returns are removed too, so callers
    /// normalise line ends before calling.
    /// </summary>
    public static string RemoveControlCharacters(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\0', '\u001f') && !text.AsSpan().ContainsAnyInRange('\u007f', '\u009f'))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            if (!char.IsControl(character) || character is '\n' or '\t')
            {
                builder.Append(character);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Replaces the Latin ligatures U+FB00 to U+FB06 with their letters, so that words such as "eﬃcient" match
    /// "efficient" in search.
    /// </summary>
    public static string ExpandLigatures(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\uFB00', '\uFB06'))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var character in text)
        {
            builder.Append(character switch
            {
                '\uFB00' => "ff",
                '\uFB01' => "fi",
                '\uFB02' => "fl",
                '\uFB03' => "ffi",
                '\uFB04' => "ffl",
                '\uFB05' => "\u017Ft",
                '\uFB06' => "st",
                _ => character.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>
    /// Replaces every run of whitespace (including line ends) with one space and trims both ends.
    /// </summary>
    public static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var character in text)
        {
            if (char.IsWhiteSpace(character))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(character);
        }

        return builder.ToString();
    }

    /// <summary>Replaces CRLF and lone CR line ends with LF.</summary>
    public static string NormalizeLineEnds(string text) =>
        text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;
}
