using RagAnything.Chunking;

namespace RagAnything.Graph;

/// <summary>
/// Splits a line into sentences for offline extraction, rejoining pieces that the sentence splitter cut after a
/// common abbreviation, so that "Fig. 4" and "Dr. Watson" stay in one sentence.
/// </summary>
internal static class OfflineSentences
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "fig", "figs", "eq", "eqs", "no", "vol", "p", "pp", "dr", "mr", "mrs", "ms", "prof", "st", "mt", "vs", "etc", "e.g", "i.e", "approx", "ca",
    };

    public static List<string> Split(string line)
    {
        var sentences = new List<string>();
        var pending = "";

        foreach (var piece in TextSegmenter.SplitSentences(line))
        {
            pending += piece;
            if (!EndsWithAbbreviation(pending))
            {
                sentences.Add(pending);
                pending = "";
            }
        }

        if (pending.Length > 0)
        {
            sentences.Add(pending);
        }

        return sentences;
    }

    private static bool EndsWithAbbreviation(string text)
    {
        var trimmed = text.TrimEnd();
        if (!trimmed.EndsWith('.'))
        {
            return false;
        }

        var start = trimmed.LastIndexOf(' ') + 1;
        var word = trimmed[start..^1];
        return Abbreviations.Contains(word);
    }
}
