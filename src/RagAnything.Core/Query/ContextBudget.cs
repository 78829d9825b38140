using System.Globalization;
using RagAnything.Graph;

namespace RagAnything.Query;

/// <summary>
/// Formats context entries and keeps the best-ranked ones that fit a token budget.
/// </summary>
internal static class ContextBudget
{
    public static string EntityLine(ContextEntity entity) => $"{entity.Name} ({entity.Type}): {entity.Description}";

    public static string RelationLine(ContextRelation relation)
        => string.Create(CultureInfo.InvariantCulture, $"{relation.Source} — {relation.Target} [{relation.Keywords}]: {relation.Description}");

    /// <summary>Returns the leading entries whose lines fit in <paramref name="maxTokens"/>, and the tokens they use.</summary>
    public static (List<T> Kept, int Tokens) TakeWithin<T>(IEnumerable<T> ranked, Func<T, string> format, int maxTokens, TokenCounter tokens)
    {
        var kept = new List<T>();
        var used = 0;

        foreach (var entry in ranked)
        {
            var cost = tokens.Count(format(entry));
            if (used + cost > maxTokens)
            {
                // Ranks matter more than filling the budget, so a lower-ranked short entry does not jump the queue.
                break;
            }

            kept.Add(entry);
            used += cost;
        }

        return (kept, used);
    }
}
