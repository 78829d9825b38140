using RagAnything.Content;

namespace RagAnything.Parsing;

/// <summary>
/// Counts parse outcomes per parser id and media type: documents, pages, items by kind, failures by category and time.
/// </summary>
/// <remarks>Implementations are safe for concurrent use; a snapshot may mix counts from parses still in progress.</remarks>
public interface IParserStatistics
{
    /// <summary>Records a successful parse.</summary>
    /// <param name="parserId">The parser's id.</param>
    /// <param name="mediaType">The media type the document was parsed as.</param>
    /// <param name="document">The parse result.</param>
    /// <param name="elapsed">The time the parser took.</param>
    void RecordSuccess(string parserId, string mediaType, ParsedDocument document, TimeSpan elapsed);

    /// <summary>Records a failed parse.</summary>
    /// <param name="parserId">The parser's id.</param>
    /// <param name="mediaType">The media type the document was parsed as.</param>
    /// <param name="category">The failure's category.</param>
    /// <param name="elapsed">The time until the failure.</param>
    void RecordFailure(string parserId, string mediaType, ErrorCategory category, TimeSpan elapsed);

    /// <summary>Records a result served from the parse cache instead of the parser.</summary>
    /// <param name="parserId">The parser that would have read the document.</param>
    /// <param name="mediaType">The media type the document was detected as.</param>
    void RecordCacheHit(string parserId, string mediaType);

    /// <summary>Returns the current counts, one entry per parser id and media type, ordered by both.</summary>
    IReadOnlyList<ParserStatisticsEntry> GetSnapshot();
}
