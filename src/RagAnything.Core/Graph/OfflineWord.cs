namespace RagAnything.Graph;

/// <summary>
/// One word of a sentence, with what the offline extractor needs to know about its surroundings.
/// </summary>
/// <param name="Text">The word, with inner hyphens, apostrophes, periods and ampersands kept.</param>
/// <param name="Index">The position of the word in its sentence, from 0.</param>
/// <param name="BreakBefore">The last punctuation mark between this word and the one before it, or <c>'\0'</c> when only spaces separate them.</param>
internal readonly record struct OfflineWord(string Text, int Index, char BreakBefore)
{
    /// <summary>Gets whether punctuation separates the word from the one before it, which ends a name.</summary>
    public bool FollowsBreak => BreakBefore != '\0';

    /// <summary>Gets whether the word starts a clause the way a sentence does, where any word may be capitalised.</summary>
    public bool StartsClause => Index == 0 || BreakBefore is ':' or '"' or '“' or '(' or '[' or '-' or '–' or '—';

    public bool IsCapitalised => Text.Length > 0 && char.IsUpper(Text[0]);

    public bool IsNumber => Text.Length > 0 && char.IsAsciiDigit(Text[0]);

    /// <summary>Gets whether the word is an acronym: 2 to 6 capital letters or digits, starting with a letter, such as NASA or G7.</summary>
    public bool IsAcronym
    {
        get
        {
            if (Text.Length is < 2 or > 6 || !char.IsUpper(Text[0]))
            {
                return false;
            }

            foreach (var character in Text)
            {
                if (!char.IsUpper(character) && !char.IsAsciiDigit(character))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
