namespace RagAnything.Graph;

/// <summary>
/// Applies the per-chunk caps on entities and relations, counting what they cut as dropped.
/// </summary>
internal static class ExtractionLimits
{
    public static ExtractionResult Apply(ExtractionResult result, int maxEntities, int maxRelations)
    {
        var entityExcess = Math.Max(0, result.Entities.Count - maxEntities);
        var relationExcess = Math.Max(0, result.Relations.Count - maxRelations);
        if (entityExcess == 0 && relationExcess == 0)
        {
            return result;
        }

        return new ExtractionResult(
            result.Entities.Take(maxEntities).ToList(),
            result.Relations.Take(maxRelations).ToList(),
            result.DroppedRecords + entityExcess + relationExcess);
    }
}
