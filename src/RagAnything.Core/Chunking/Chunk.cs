using RagAnything.Content;

namespace RagAnything.Chunking;

/// <summary>
/// A piece of a document small enough to embed, with the pages and the kind of content it came from.
/// </summary>
public sealed record Chunk
{
    /// <summary>Gets the chunk id, unique across documents and stable for the same bytes and chunking options.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the id of the document the chunk belongs to.</summary>
    public required string DocumentId { get; init; }

    /// <summary>Gets the position of the chunk in its document, from 0.</summary>
    public int Ordinal { get; init; }

    /// <summary>Gets the chunk text.</summary>
    public required string Text { get; init; }

    /// <summary>Gets the number of tokens in <see cref="Text"/>, counted with the embedding model's tokenizer.</summary>
    public int TokenCount { get; init; }

    /// <summary>Gets the zero-based index of the first page the chunk covers.</summary>
    public int PageStart { get; init; }

    /// <summary>Gets the zero-based index of the last page the chunk covers.</summary>
    public int PageEnd { get; init; }

    /// <summary>Gets the kind of content the chunk was made from.</summary>
    public ContentKind Kind { get; init; }

    /// <summary>Gets the heading path of the chunk's first item, outermost first.</summary>
    /// <value>The default is an empty list.</value>
    public IReadOnlyList<string> HeadingPath { get; init; } = [];
}
