namespace RagAnything.Query;

/// <summary>
/// How a question is answered, following LightRAG's query modes.
/// </summary>
public enum QueryMode
{
    /// <summary>Chunk vectors fused with keyword search.</summary>
    Naive,

    /// <summary>Entities matching the question and their neighbourhood in the knowledge graph.</summary>
    Local,

    /// <summary>Relations matching the question.</summary>
    Global,

    /// <summary>Local and global together.</summary>
    Hybrid,

    /// <summary>The knowledge graph and chunk vectors together.</summary>
    Mix,

    /// <summary>The chat model alone, without retrieval.</summary>
    Bypass,
}
