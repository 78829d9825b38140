namespace RagAnything.Storage.Graph;

/// <summary>
/// An entity of the knowledge graph, identified by its normalised name.
/// </summary>
public sealed record GraphNode
{
    /// <summary>Gets the normalised name that identifies the node, so that spelling variants share one node.</summary>
    public required string Key { get; init; }

    /// <summary>Gets the name shown to people, as first written in a document.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the entity type, such as <c>person</c> or <c>table</c>.</summary>
    /// <value>The default is an empty string, for an entity whose type is unknown.</value>
    public string Type { get; init; } = "";

    /// <summary>Gets the description of the entity, combined from every chunk that mentions it.</summary>
    /// <value>The default is an empty string.</value>
    public string Description { get; init; } = "";

    /// <summary>Gets the chunks the entity was extracted from, with their documents, oldest first.</summary>
    /// <value>The default is an empty list.</value>
    public IReadOnlyList<GraphSource> Sources { get; init; } = [];

    /// <summary>Gets the distinct ids of the chunks in <see cref="Sources"/>, in order of first appearance.</summary>
    public IReadOnlyList<string> SourceChunkIds => Sources.Select(source => source.ChunkId).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Gets the distinct ids of the documents in <see cref="Sources"/>, in order of first appearance.</summary>
    public IReadOnlyList<string> DocumentIds => Sources.Select(source => source.DocumentId).Distinct(StringComparer.Ordinal).ToList();
}
