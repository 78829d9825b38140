namespace RagAnything.Graph;

/// <summary>
/// Names of the store collections the knowledge graph writes next to the chunk collections.
/// </summary>
public static class GraphCollections
{
    /// <summary>The vector collection of entity embeddings (name and description), keyed by node key.</summary>
    public const string Entities = "entities";

    /// <summary>The vector collection of relation embeddings (keywords and description), keyed by edge key.</summary>
    public const string Relations = "relations";

    /// <summary>The key-value collection of cached per-chunk extraction results, so that a rebuild needs no chat call.</summary>
    public const string Extractions = "extractions";
}
