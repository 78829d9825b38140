namespace RagAnything.Graph;

/// <summary>
/// Finds names in one sentence: runs of capitalised words, acronyms and caption labels such as "Figure 3".
/// </summary>
/// <remarks>
/// Any capitalised first word of a sentence or clause is ambiguous, so a run made of that word alone comes back as weak.
/// The caller keeps a weak name only when the same name also appears where it does not start a sentence.
/// </remarks>
internal static class OfflineNameScanner
{
    // Longer capitalised runs are title-case headings rather than names.
    private const int MaxNameWords = 6;

    public static List<OfflineName> Scan(List<OfflineWord> words)
    {
        var names = new List<OfflineName>();
        var index = 0;

        while (index < words.Count)
        {
            var word = words[index];
            if (TryCaption(words, index, out var caption))
            {
                names.Add(caption);
                index += 2;
                continue;
            }

            if (!word.IsCapitalised || IsIgnorable(word))
            {
                index++;
                continue;
            }

            var end = FindRunEnd(words, index);
            AddRun(words, index, end, names);
            index = end;
        }

        return names;
    }

    private static bool TryCaption(List<OfflineWord> words, int index, out OfflineName caption)
    {
        caption = default;
        if (index + 1 >= words.Count || !words[index].IsCapitalised || !words[index + 1].IsNumber)
        {
            return false;
        }

        if (!OfflineWordLists.CaptionWords.TryGetValue(words[index].Text, out var type))
        {
            return false;
        }

        var label = string.Concat(char.ToUpperInvariant(type[0]).ToString(), type.AsSpan(1));
        caption = new OfflineName($"{label} {words[index + 1].Text}", type, IsWeak: false);
        return true;
    }

    // The run covers capitalised words and connectors followed by a capitalised word, up to a break in the text.
    private static int FindRunEnd(List<OfflineWord> words, int start)
    {
        var end = start + 1;
        while (end < words.Count && end - start < MaxNameWords && !words[end].FollowsBreak)
        {
            var next = words[end];
            if (TryCaption(words, end, out _))
            {
                break;
            }

            if (next.IsCapitalised && !IsIgnorable(next))
            {
                end++;
            }
            else if (OfflineWordLists.NameConnectors.Contains(next.Text)
                && end + 1 < words.Count
                && !words[end + 1].FollowsBreak
                && words[end + 1].IsCapitalised)
            {
                end += 2;
            }
            else
            {
                break;
            }
        }

        return Math.Min(end, words.Count);
    }

    private static void AddRun(List<OfflineWord> words, int start, int end, List<OfflineName> names)
    {
        // "The Nile" at the start of a sentence is the name "Nile".
        while (start < end && start == 0 && OfflineWordLists.StopWords.Contains(words[start].Text))
        {
            start++;
        }

        if (start >= end)
        {
            return;
        }

        var text = string.Join(' ', words.Skip(start).Take(end - start).Select(word => word.Text));
        var single = end - start == 1;
        var type = single && words[start].IsAcronym ? "acronym" : "name";
        var weak = single && words[start].StartsClause && !words[start].IsAcronym;
        names.Add(new OfflineName(text, type, weak));
    }

    private static bool IsIgnorable(OfflineWord word)
        => word.Text.Length < 2 || OfflineWordLists.CalendarWords.Contains(word.Text) || (word.Index > 0 && OfflineWordLists.StopWords.Contains(word.Text) && !word.IsAcronym);
}
