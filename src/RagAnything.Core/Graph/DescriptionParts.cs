namespace RagAnything.Graph;

/// <summary>
/// Splits, combines and cuts merged descriptions. A merged description is its distinct parts, one per line.
/// </summary>
internal static class DescriptionParts
{
    public const char Separator = '\n';

    public static IEnumerable<string> Split(string description)
        => description.Split(Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Adds the parts that are not yet in <paramref name="parts"/>, comparing case-insensitively.</summary>
    public static void AddDistinct(List<string> parts, IEnumerable<string> candidates)
    {
        foreach (var candidate in candidates)
        {
            var trimmed = candidate.Trim();
            if (trimmed.Length > 0 && !parts.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
            {
                parts.Add(trimmed);
            }
        }
    }

    public static string Join(IEnumerable<string> parts) => string.Join(Separator, parts);

    /// <summary>Keeps whole parts while they fit in <paramref name="maxLength"/> characters, and cuts the first part that does not.</summary>
    public static string Truncate(IReadOnlyList<string> parts, int maxLength)
    {
        var kept = new List<string>();
        var length = 0;

        foreach (var part in parts)
        {
            var needed = part.Length + (kept.Count > 0 ? 1 : 0);
            if (length + needed <= maxLength)
            {
                kept.Add(part);
                length += needed;
                continue;
            }

            var room = maxLength - length - (kept.Count > 0 ? 1 : 0) - 1;
            if (room > 20)
            {
                kept.Add(string.Concat(part.AsSpan(0, room).TrimEnd(), "…"));
            }

            break;
        }

        return Join(kept);
    }
}
