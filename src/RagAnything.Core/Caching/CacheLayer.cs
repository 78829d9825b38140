namespace RagAnything.Caching;

/// <summary>
/// A cache layer of the engine. Each layer has its own options, memory budget and statistics.
/// </summary>
public enum CacheLayer
{
    /// <summary>Parse results, keyed by content SHA-256, parser id and parser options fingerprint.</summary>
    Parse,

    /// <summary>Embedding vectors, keyed by model id and text SHA-256.</summary>
    Embedding,

    /// <summary>Chat-model responses, keyed by model id, the full prompt and the chat options.</summary>
    Chat,

    /// <summary>Whole query results, keyed by the normalised query, mode, options and index generation.</summary>
    Query,
}
