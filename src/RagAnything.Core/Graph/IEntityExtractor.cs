using RagAnything.Chunking;

namespace RagAnything.Graph;

/// <summary>
/// Finds the entities and relations in one chunk.
/// </summary>
internal interface IEntityExtractor
{
    /// <summary>
    /// Gets the identity of the extractor and its settings, such as <c>chat-v1/gpt-4o-mini</c>. Cached results are
    /// reused only under the same identity, so a new model or prompt version extracts again.
    /// </summary>
    string Identity { get; }

    /// <summary>Extracts entities and relations from <paramref name="chunk"/>. Malformed output is dropped and counted, not thrown.</summary>
    Task<ExtractionResult> ExtractAsync(Chunk chunk, CancellationToken cancellationToken);
}
