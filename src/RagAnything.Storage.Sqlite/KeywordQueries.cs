using System.Text;
using RagAnything.Storage.Keyword;

namespace RagAnything.Storage.Sqlite;

/// <summary>Turns texts and free-text queries into what the FTS5 table indexes and matches.</summary>
internal static class KeywordQueries
{
    /// <summary>
    /// Puts spaces around Han, Hiragana and Katakana characters, because FTS5's unicode61 tokenizer would
    /// otherwise index a whole run of them as one term and a query for one word inside it would miss.
    /// </summary>
    public static string ToIndexedText(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (Rune rune in text.EnumerateRunes())
        {
            if (KeywordTokenizer.IsIdeographic(rune))
            {
                builder.Append(' ').Append(rune.ToString()).Append(' ');
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Builds an FTS5 MATCH expression that matches any term of <paramref name="query"/>, or returns
    /// <see langword="null"/> when the query has no terms. Each term is a quoted string, so quotes, stars,
    /// parentheses, AND, NEAR and the like in user text are plain words and can never be a syntax error.
    /// </summary>
    public static string? ToMatchExpression(string query)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        var builder = new StringBuilder();
        foreach (string term in KeywordTokenizer.Tokenize(query))
        {
            if (!terms.Add(term))
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(" OR ");
            }

            builder.Append('"').Append(term.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }

        return builder.Length == 0 ? null : builder.ToString();
    }
}
