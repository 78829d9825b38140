namespace RagAnything.Chunking;

/// <summary>
/// Sizes used when splitting documents into chunks.
/// </summary>
public sealed class ChunkingOptions
{
    /// <summary>
    /// The default chunk size. all-MiniLM-L6-v2 reads at most 256 tokens including its two special tokens, and a
    /// chunk a little smaller than that leaves room for sentence-boundary slack without truncation.
    /// </summary>
    public const int DefaultMaxTokens = 200;

    /// <summary>The default overlap: about one sentence, so a fact split at a boundary is still whole in one chunk.</summary>
    public const int DefaultOverlapTokens = 32;

    /// <summary>Gets or sets the maximum number of tokens in a chunk, not counting special tokens.</summary>
    /// <value>The default is <see cref="DefaultMaxTokens"/> (200).</value>
    public int MaxTokens { get; set; } = DefaultMaxTokens;

    /// <summary>Gets or sets how many tokens of whole sentences a chunk repeats from the end of the previous one.</summary>
    /// <value>The default is <see cref="DefaultOverlapTokens"/> (32).</value>
    public int OverlapTokens { get; set; } = DefaultOverlapTokens;
}
