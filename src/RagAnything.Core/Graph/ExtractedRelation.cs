namespace RagAnything.Graph;

/// <summary>
/// A relation between two entities as one chunk states it, before merging with other mentions.
/// </summary>
/// <param name="Source">The name of one entity.</param>
/// <param name="Target">The name of the other entity.</param>
/// <param name="Keywords">Comma-separated words that name the kind of relation.</param>
/// <param name="Description">The chunk's statement of the relation.</param>
/// <param name="Weight">The strength of the relation in this chunk, positive.</param>
internal sealed record ExtractedRelation(string Source, string Target, string Keywords, string Description, double Weight);
