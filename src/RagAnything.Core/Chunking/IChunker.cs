using RagAnything.Content;

namespace RagAnything.Chunking;

/// <summary>
/// Splits a parsed document into chunks. Implementations are stateless and safe for concurrent use.
/// </summary>
public interface IChunker
{
    /// <summary>Returns the chunks of <paramref name="document"/>, in reading order, with ids derived from <paramref name="documentId"/>.</summary>
    IReadOnlyList<Chunk> Chunk(ParsedDocument document, string documentId);
}
