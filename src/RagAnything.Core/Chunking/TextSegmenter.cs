using System.Globalization;
using System.Text;

namespace RagAnything.Chunking;

/// <summary>
/// Splits text into sentences and words without ever cutting a surrogate pair or a combining sequence.
/// </summary>
/// <remarks>
/// Every piece returned keeps its trailing whitespace, so concatenating consecutive pieces gives back the original
/// text exactly. That lets the chunker rebuild chunk text from pieces without inventing separators, which matters for
/// scripts written without spaces.
/// </remarks>
internal static class TextSegmenter
{
    /// <summary>Returns the sentences of <paramref name="text"/>, each with its trailing whitespace.</summary>
    public static List<string> SplitSentences(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        var index = 0;

        while (index < text.Length)
        {
            var character = text[index];
            var end = -1;

            if (IsFullWidthTerminator(character))
            {
                // CJK punctuation ends a sentence with no space after it.
                end = index + 1;
            }
            else if (character is '.' or '!' or '?' or '…' && index + 1 < text.Length && char.IsWhiteSpace(text[index + 1]))
            {
                end = index + 1;
            }
            else if (character == '\n' && index + 1 < text.Length && text[index + 1] == '\n')
            {
                end = index + 1;
            }

            if (end < 0)
            {
                index++;
                continue;
            }

            // Keep closing quotes and brackets with the sentence they end, then the whitespace after it.
            while (end < text.Length && text[end] is '"' or '\'' or ')' or ']' or '»' or '”' or '’' or '」' or '』' or '）')
            {
                end++;
            }

            while (end < text.Length && char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            sentences.Add(text[start..end]);
            start = end;
            index = end;
        }

        if (start < text.Length)
        {
            sentences.Add(text[start..]);
        }

        return sentences;
    }

    /// <summary>
    /// Returns the words of <paramref name="text"/>, each with its trailing whitespace. Each CJK ideograph, kana or
    /// other character of a script written without spaces is a word of its own.
    /// </summary>
    public static List<string> SplitWords(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var enumerator = StringInfo.GetTextElementEnumerator(text);

        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            var isSpace = element.Length == 1 && char.IsWhiteSpace(element[0]);

            if (isSpace)
            {
                current.Append(element);
                continue;
            }

            var standsAlone = IsWrittenWithoutSpaces(element);
            var previousEndsInSpace = current.Length > 0 && char.IsWhiteSpace(current[^1]);

            if (current.Length > 0 && (standsAlone || previousEndsInSpace || EndsWithStandaloneElement(current)))
            {
                words.Add(current.ToString());
                current.Clear();
            }

            current.Append(element);
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    /// <summary>
    /// Splits one over-long word into pieces of at most <paramref name="maxElements"/> text elements.
    /// </summary>
    public static List<string> SplitByTextElements(string word, int maxElements)
    {
        var pieces = new List<string>();
        var current = new StringBuilder();
        var count = 0;
        var enumerator = StringInfo.GetTextElementEnumerator(word);

        while (enumerator.MoveNext())
        {
            if (count == maxElements)
            {
                pieces.Add(current.ToString());
                current.Clear();
                count = 0;
            }

            current.Append(enumerator.GetTextElement());
            count++;
        }

        if (current.Length > 0)
        {
            pieces.Add(current.ToString());
        }

        return pieces;
    }

    private static bool EndsWithStandaloneElement(StringBuilder current)
    {
        // A word that is one ideograph must not absorb the next letter of a Latin word that follows without a space.
        var last = current.Length >= 2 && char.IsLowSurrogate(current[^1])
            ? current.ToString(current.Length - 2, 2)
            : current[^1].ToString();

        return IsWrittenWithoutSpaces(last);
    }

    private static bool IsWrittenWithoutSpaces(string element)
    {
        if (!Rune.TryGetRuneAt(element, 0, out var rune))
        {
            return false;
        }

        var value = rune.Value;
        return value is >= 0x2E80 and <= 0x9FFF // CJK radicals, kana, CJK symbols, unified ideographs
            or >= 0xF900 and <= 0xFAFF // CJK compatibility ideographs
            or >= 0xFF00 and <= 0xFFEF // full-width forms
            or >= 0x0E00 and <= 0x0E7F // Thai
            or >= 0x20000 and <= 0x3FFFF; // CJK extensions B and later
    }

    private static bool IsFullWidthTerminator(char character) => character is '。' or '！' or '？' or '；' or '．';
}
