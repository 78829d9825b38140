namespace RagAnything.Storage.Graph;

/// <summary>
/// Matches and orders the results of <see cref="IGraphStore.SearchLabelsAsync"/>, shared by the store providers
/// so that every provider returns the same nodes in the same order.
/// </summary>
public static class GraphLabelSearch
{
    /// <summary>Returns whether <paramref name="name"/> matches <paramref name="text"/> in the given mode, ignoring case.</summary>
    public static bool IsMatch(string name, string text, LabelMatch match)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(text);

        return match == LabelMatch.Prefix
            ? name.StartsWith(text, StringComparison.OrdinalIgnoreCase)
            : name.Contains(text, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Keeps the matching nodes and returns the first <paramref name="limit"/> of them: names that start with the
    /// text first, then shorter names, then by name and key in ordinal order.
    /// </summary>
    public static IReadOnlyList<GraphNode> SelectMatches(IEnumerable<GraphNode> candidates, string text, LabelMatch match, int limit)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);

        return candidates
            .Where(node => IsMatch(node.Name, text, match))
            .OrderBy(node => node.Name.StartsWith(text, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(node => node.Name.Length)
            .ThenBy(node => node.Name, StringComparer.Ordinal)
            .ThenBy(node => node.Key, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
    }
}
