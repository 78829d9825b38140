namespace RagAnything.Parsing;

/// <summary>
/// Normalises text taken from Word runs: control characters removed and whitespace collapsed.
/// </summary>
internal static class DocxText
{
    public static string Normalize(string text) =>
        TextCleaner.CollapseWhitespace(TextCleaner.RemoveControlCharacters(text));
}
