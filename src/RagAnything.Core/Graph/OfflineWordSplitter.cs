namespace RagAnything.Graph;

/// <summary>
/// Splits a sentence into words in one pass without regular expressions, because offline extraction runs on every
/// chunk of every document.
/// </summary>
internal static class OfflineWordSplitter
{
    public static List<OfflineWord> Split(string sentence)
    {
        var words = new List<OfflineWord>();
        var start = -1;
        var breakBefore = '\0';

        for (var index = 0; index <= sentence.Length; index++)
        {
            var character = index < sentence.Length ? sentence[index] : ' ';
            if (char.IsLetterOrDigit(character) || (start >= 0 && index < sentence.Length && IsInnerMark(sentence, index)))
            {
                if (start < 0)
                {
                    start = index;
                }

                continue;
            }

            if (start >= 0)
            {
                words.Add(new OfflineWord(sentence[start..index], words.Count, breakBefore));
                start = -1;
                breakBefore = '\0';
            }

            if (!char.IsWhiteSpace(character))
            {
                breakBefore = character;
            }
        }

        return words;
    }

    // A hyphen, apostrophe, period or ampersand between two letters or digits stays in the word: "Jean-Paul", "AT&T", "U.S".
    private static bool IsInnerMark(string text, int index)
    {
        return text[index] is '-' or '\'' or '’' or '.' or '&'
            && index + 1 < text.Length
            && char.IsLetterOrDigit(text[index + 1])
            && index > 0
            && char.IsLetterOrDigit(text[index - 1]);
    }
}
