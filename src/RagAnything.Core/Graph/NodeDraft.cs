using RagAnything.Storage.Graph;

namespace RagAnything.Graph;

/// <summary>An entity being merged: every mention of one node key.</summary>
internal sealed class NodeDraft(string key, string name)
{
    public string Key { get; } = key;

    public string Name { get; set; } = name;

    /// <summary>Gets the number of mentions of each type, in order of first mention.</summary>
    public List<KeyValuePair<string, int>> TypeVotes { get; } = [];

    public List<string> Parts { get; } = [];

    public List<GraphSource> Sources { get; } = [];

    public void Vote(string type, int count)
    {
        var index = TypeVotes.FindIndex(vote => string.Equals(vote.Key, type, StringComparison.Ordinal));
        if (index < 0)
        {
            TypeVotes.Add(new(type, count));
        }
        else
        {
            TypeVotes[index] = new(type, TypeVotes[index].Value + count);
        }
    }

    /// <summary>Returns the type with the most votes; <c>unknown</c> loses to any real type, and ties go to the earlier type.</summary>
    public string MajorityType()
    {
        var known = TypeVotes.Where(vote => vote.Key != "unknown" && vote.Key.Length > 0).ToList();
        var candidates = known.Count > 0 ? known : TypeVotes;
        var best = candidates.Count == 0 ? "unknown" : candidates[0].Key;
        var bestCount = candidates.Count == 0 ? 0 : candidates[0].Value;

        foreach (var (type, count) in candidates)
        {
            if (count > bestCount)
            {
                best = type;
                bestCount = count;
            }
        }

        return best;
    }
}
