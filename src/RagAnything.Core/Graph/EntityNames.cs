using System.Globalization;
using System.Text;
using RagAnything.Content;

namespace RagAnything.Graph;

/// <summary>
/// Turns entity names into node keys, so that variants in case, spacing, punctuation and accents share one node.
/// </summary>
/// <remarks>
/// "Müller-Lyon", "muller lyon" and " MULLER  LYON " all become <c>muller lyon</c>. Periods and apostrophes are
/// dropped without a break, so "U.S.A." matches "USA" and "O'Neil" matches "ONeil"; any other punctuation or
/// whitespace separates words. The key never contains the edge separator <c>|</c>.
/// </remarks>
internal static class EntityNames
{
    public static string ToKey(string name)
    {
        ArgumentNullException.ThrowIfNull(name);

        var decomposed = UnicodeText.ReplaceInvalid(name).Normalize(NormalizationForm.FormKD);
        var key = new StringBuilder(decomposed.Length);
        var pendingSpace = false;

        foreach (var character in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(character);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (character is '.' or '\'' or '’' or '‘')
            {
                continue;
            }

            if (char.IsLetterOrDigit(character))
            {
                if (pendingSpace && key.Length > 0)
                {
                    key.Append(' ');
                }

                key.Append(char.ToLowerInvariant(character));
                pendingSpace = false;
            }
            else
            {
                pendingSpace = true;
            }
        }

        return key.ToString();
    }

    /// <summary>
    /// Returns the name with outer whitespace and quotes removed, brackets around the whole name or without a partner
    /// removed, and inner whitespace collapsed. Balanced inner brackets stay, as in "Table 2 (report.pdf)".
    /// </summary>
    public static string Clean(string name)
    {
        ArgumentNullException.ThrowIfNull(name);

        var text = name.Trim().Trim('"', '\'', '`', '*', '“', '”').Trim();
        while (text.Length >= 2 && ((text[0] == '(' && text[^1] == ')') || (text[0] == '[' && text[^1] == ']') || (text[0] == '<' && text[^1] == '>')))
        {
            text = text[1..^1].Trim();
        }

        foreach (var (open, close) in (ReadOnlySpan<(char, char)>)[('(', ')'), ('[', ']'), ('<', '>')])
        {
            if (text.EndsWith(close) && !text.Contains(open, StringComparison.Ordinal))
            {
                text = text[..^1];
            }

            if (text.StartsWith(open) && !text.Contains(close, StringComparison.Ordinal))
            {
                text = text[1..];
            }
        }

        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
