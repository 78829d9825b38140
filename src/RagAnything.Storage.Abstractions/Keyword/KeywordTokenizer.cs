using System.Globalization;
using System.Text;

namespace RagAnything.Storage.Keyword;

/// <summary>
/// Splits text into keyword terms the same way for every keyword index provider, so that a query
/// finds the same texts whichever provider is configured.
/// </summary>
/// <remarks>
/// A term is a run of letters and digits (with any combining marks inside it), lowercased with the
/// invariant culture. Han, Hiragana and Katakana characters are written without spaces between words,
/// so each of them is a term of its own; a query in those scripts then matches texts that share
/// characters, and BM25 ranks texts that share more of them higher. Everything else separates terms.
/// </remarks>
public static class KeywordTokenizer
{
    /// <summary>Splits <paramref name="text"/> into lowercase terms, in order of appearance, repeats included.</summary>
    public static IReadOnlyList<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var terms = new List<string>();
        var current = new StringBuilder();
        foreach (Rune rune in text.EnumerateRunes())
        {
            if (IsIdeographic(rune))
            {
                Flush(current, terms);
                terms.Add(Rune.ToLowerInvariant(rune).ToString());
            }
            else if (Rune.IsLetterOrDigit(rune) || (current.Length > 0 && IsCombiningMark(rune)))
            {
                current.Append(Rune.ToLowerInvariant(rune).ToString());
            }
            else
            {
                Flush(current, terms);
            }
        }

        Flush(current, terms);
        return terms;
    }

    /// <summary>Returns whether <paramref name="rune"/> is written without word spacing and so forms a term alone.</summary>
    public static bool IsIdeographic(Rune rune)
    {
        int value = rune.Value;
        return value is >= 0x3040 and <= 0x30FF // Hiragana and Katakana
            or >= 0x3400 and <= 0x4DBF // CJK Unified Ideographs Extension A
            or >= 0x4E00 and <= 0x9FFF // CJK Unified Ideographs
            or >= 0xF900 and <= 0xFAFF // CJK Compatibility Ideographs
            or >= 0x20000 and <= 0x323AF; // CJK Unified Ideographs Extensions B to H
    }

    private static bool IsCombiningMark(Rune rune)
    {
        UnicodeCategory category = Rune.GetUnicodeCategory(rune);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }

    private static void Flush(StringBuilder current, List<string> terms)
    {
        if (current.Length > 0)
        {
            terms.Add(current.ToString());
            current.Clear();
        }
    }
}
