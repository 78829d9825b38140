namespace RagAnything.Content;

/// <summary>
/// Repairs text that .NET's Unicode normalization rejects, so that tokenizers and caches that normalize text accept
/// whatever a document or a caller contains.
/// </summary>
/// <remarks>
/// <see cref="string.Normalize()"/> throws <see cref="ArgumentException"/> on a lone surrogate and on the noncharacter
/// U+FFFE. Both can reach the library legally: U+FFFE is valid UTF-8, and .NET strings may hold unpaired surrogates
/// from UTF-16 sources or from text cut in the middle of a pair.
/// </remarks>
public static class UnicodeText
{
    /// <summary>The character that replaces each rejected code unit: U+FFFD, the Unicode replacement character.</summary>
    public const char ReplacementCharacter = '\uFFFD';

    /// <summary>Returns <paramref name="text"/> with every lone surrogate and every U+FFFE replaced by <see cref="ReplacementCharacter"/>.</summary>
    /// <param name="text">The text to repair.</param>
    /// <returns>The same instance when nothing needs replacing, which is the common case, else a repaired copy.</returns>
    public static string ReplaceInvalid(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        int first = IndexOfInvalid(text);
        if (first < 0)
        {
            return text;
        }

        return string.Create(text.Length, (text, first), static (destination, state) =>
        {
            var (source, start) = state;
            source.AsSpan(0, start).CopyTo(destination);

            for (int index = start; index < source.Length; index++)
            {
                char character = source[index];
                if (char.IsHighSurrogate(character) && index + 1 < source.Length && char.IsLowSurrogate(source[index + 1]))
                {
                    destination[index] = character;
                    destination[index + 1] = source[index + 1];
                    index++;
                }
                else
                {
                    destination[index] = char.IsSurrogate(character) || character == '\uFFFE' ? ReplacementCharacter : character;
                }
            }
        });
    }

    private static int IndexOfInvalid(string text)
    {
        for (int index = 0; index < text.Length; index++)
        {
            char character = text[index];
            if (character < '\uD800')
            {
                continue;
            }

            if (char.IsHighSurrogate(character) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                index++;
                continue;
            }

            if (char.IsSurrogate(character) || character == '\uFFFE')
            {
                return index;
            }
        }

        return -1;
    }
}
