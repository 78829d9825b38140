namespace RagAnything.Graph;

/// <summary>
/// An entity as one chunk names it, before merging with other mentions.
/// </summary>
/// <param name="Name">The name as written in the chunk or the model output.</param>
/// <param name="Type">The entity type, lowercase.</param>
/// <param name="Description">The chunk's statements about the entity.</param>
internal sealed record ExtractedEntity(string Name, string Type, string Description);
