using System.Text;

namespace RagAnything.Parsing;

/// <summary>
/// Splits a number format code into its sections and removes the parts that only affect display styling.
/// </summary>
internal static class XlsxFormatSections
{
    /// <summary>Splits at semicolons that are not quoted, escaped or inside brackets.</summary>
    public static List<string> Split(string code)
    {
        var sections = new List<string>();
        var current = new StringBuilder();
        var inQuotes = false;
        var inBrackets = false;
        for (var index = 0; index < code.Length; index++)
        {
            var character = code[index];
            if (character == '\\' && index + 1 < code.Length && !inQuotes)
            {
                current.Append(character).Append(code[++index]);
                continue;
            }

            inQuotes ^= character == '"';
            inBrackets = !inQuotes && (character == '[' || (inBrackets && character != ']'));
            if (character == ';' && !inQuotes && !inBrackets)
            {
                sections.Add(current.ToString());
                current.Clear();
                continue;
            }

            current.Append(character);
        }

        sections.Add(current.ToString());
        return sections;
    }

    /// <summary>
    /// Drops colors, conditions and locale tags in brackets (keeping a currency symbol, and elapsed-time brackets such
    /// as <c>[h]</c>), turns <c>_x</c> padding into a space and removes <c>*x</c> fill characters.
    /// </summary>
    public static string Clean(string section)
    {
        var cleaned = new StringBuilder(section.Length);
        for (var index = 0; index < section.Length; index++)
        {
            var character = section[index];
            switch (character)
            {
                case '"':
                    var closing = section.IndexOf('"', index + 1);
                    closing = closing < 0 ? section.Length - 1 : closing;
                    cleaned.Append(section, index, closing - index + 1);
                    index = closing;
                    break;
                case '\\' when index + 1 < section.Length:
                    cleaned.Append(character).Append(section[++index]);
                    break;
                case '_' when index + 1 < section.Length:
                    cleaned.Append(' ');
                    index++;
                    break;
                case '*' when index + 1 < section.Length:
                    index++;
                    break;
                case '[':
                    var end = section.IndexOf(']', index + 1);
                    end = end < 0 ? section.Length - 1 : end;
                    cleaned.Append(BracketReplacement(section.AsSpan(index + 1, Math.Max(end - index - 1, 0))));
                    index = end;
                    break;
                default:
                    cleaned.Append(character);
                    break;
            }
        }

        return cleaned.ToString();
    }

    private static string BracketReplacement(ReadOnlySpan<char> content)
    {
        // [$€-407] shows "€"; [$-409] only selects a locale.
        if (content.StartsWith("$"))
        {
            var dash = content.IndexOf('-');
            var symbol = dash < 0 ? content[1..] : content[1..dash];
            return symbol.IsEmpty ? string.Empty : "\"" + symbol.ToString() + "\"";
        }

        // Elapsed time: [h], [hh], [m], [mm], [s], [ss].
        if (!content.IsEmpty && content.IndexOfAnyExcept("hHmMsS") < 0)
        {
            return "[" + content.ToString() + "]";
        }

        return string.Empty;
    }
}
