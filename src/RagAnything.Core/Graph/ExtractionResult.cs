namespace RagAnything.Graph;

/// <summary>
/// The entities and relations extracted from one text, and how many records of the output could not be used.
/// </summary>
/// <param name="Entities">The entities, in the order the output listed them.</param>
/// <param name="Relations">The relations, in the order the output listed them.</param>
/// <param name="DroppedRecords">Records that were malformed, incomplete or over a per-chunk cap.</param>
internal sealed record ExtractionResult(IReadOnlyList<ExtractedEntity> Entities, IReadOnlyList<ExtractedRelation> Relations, int DroppedRecords)
{
    /// <summary>A result with nothing in it.</summary>
    public static ExtractionResult Empty { get; } = new([], [], 0);

    /// <summary>Returns this result followed by <paramref name="other"/>'s records, with both drop counts added.</summary>
    public ExtractionResult Append(ExtractionResult other)
        => new([.. Entities, .. other.Entities], [.. Relations, .. other.Relations], DroppedRecords + other.DroppedRecords);
}
