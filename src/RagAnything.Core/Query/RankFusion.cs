namespace RagAnything.Query;

/// <summary>
/// Reciprocal rank fusion: each list contributes 1 / (k + rank) to every id it ranks, so ids that several
/// channels rank highly come first, without comparing the channels' raw scores.
/// </summary>
internal static class RankFusion
{
    public static List<KeyValuePair<string, double>> Fuse(int constant, params IReadOnlyList<string>[] rankings)
        => FuseWeighted(constant, rankings.Select(ranking => (ranking, 1.0)).ToArray());

    /// <summary>Fuses rankings where each list's contributions are multiplied by its weight.</summary>
    public static List<KeyValuePair<string, double>> FuseWeighted(int constant, params (IReadOnlyList<string> Ranking, double Weight)[] rankings)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);

        foreach (var (ranking, weight) in rankings)
        {
            for (var rank = 0; rank < ranking.Count; rank++)
            {
                scores.TryGetValue(ranking[rank], out var score);
                scores[ranking[rank]] = score + (weight / (constant + rank + 1));
            }
        }

        return scores
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .ToList();
    }
}
