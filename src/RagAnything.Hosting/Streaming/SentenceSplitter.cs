namespace RagAnything.Hosting.Streaming;

/// <summary>
/// Splits an answer into sentence fragments for the streaming query route, which has no token stream to relay
/// while the library answers without a streaming chat client.
/// </summary>
internal static class SentenceSplitter
{
    /// <summary>Returns the fragments of <paramref name="text"/>, each ending after a sentence mark and its spaces; joined they give the text back.</summary>
    public static IEnumerable<string> Split(string text)
    {
        var start = 0;
        for (var index = 0; index < text.Length; index++)
        {
            if (text[index] is not ('.' or '!' or '?' or '\n' or '。'))
            {
                continue;
            }

            // The fragment keeps the whitespace after the mark, so concatenating fragments restores the answer.
            var end = index + 1;
            while (end < text.Length && char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            if (end == text.Length || end > index + 1)
            {
                yield return text[start..end];
                start = end;
                index = end - 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }
}
