namespace RagAnything.Graph;

/// <summary>
/// Where the cached records of a chunk came from. A chunk may have one cached result of each kind.
/// </summary>
internal enum ExtractionKind
{
    /// <summary>Entity extraction from the chunk text.</summary>
    Text,

    /// <summary>A table, image or equation entity with the entities of its description, attached to the chunk of that item.</summary>
    Modal,
}
