using RagAnything.Content;

namespace RagAnything.Parsing;

/// <summary>
/// Stores parse results keyed by content, parser and parser options, so the same bytes are parsed once.
/// </summary>
/// <remarks>Implementations are safe for concurrent use. A failed parse is never cached.</remarks>
public interface IParseCache
{
    /// <summary>Gets the number of lookups that returned a stored result.</summary>
    long Hits { get; }

    /// <summary>Gets the number of lookups that found nothing usable.</summary>
    long Misses { get; }

    /// <summary>Returns the stored result for the key, or <see langword="null"/> when there is none.</summary>
    /// <param name="key">The cache key from <see cref="ParseCacheKey.Create"/>.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    ValueTask<ParsedDocument?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Stores a parse result under the key, replacing any earlier one.</summary>
    /// <param name="key">The cache key from <see cref="ParseCacheKey.Create"/>.</param>
    /// <param name="document">The parse result.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    ValueTask SetAsync(string key, ParsedDocument document, CancellationToken cancellationToken = default);
}
