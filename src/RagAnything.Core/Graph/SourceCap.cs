using RagAnything.Storage.Graph;

namespace RagAnything.Graph;

/// <summary>
/// Limits the sources kept per node or edge while keeping at least one per document.
/// </summary>
/// <remarks>
/// Document removal finds a document's contributions through the sources, so dropping a document's last source
/// would leave its facts behind after deletion. The cap therefore gives way when one record has more documents than it allows.
/// </remarks>
internal static class SourceCap
{
    public static List<GraphSource> Apply(IReadOnlyList<GraphSource> sources, int maxSources)
    {
        var distinct = GraphRecordChecks.DistinctSources(sources);
        if (distinct.Count <= maxSources)
        {
            return [.. distinct];
        }

        var firstPerDocument = distinct
            .GroupBy(source => source.DocumentId, StringComparer.Ordinal)
            .Select(group => group.First())
            .ToHashSet();
        var room = Math.Max(0, maxSources - firstPerDocument.Count);

        // Keep each document's first source and, in order, as many other sources as the cap leaves room for.
        var kept = new List<GraphSource>();
        foreach (var source in distinct)
        {
            if (firstPerDocument.Contains(source))
            {
                kept.Add(source);
            }
            else if (room > 0)
            {
                kept.Add(source);
                room--;
            }
        }

        return kept;
    }
}
