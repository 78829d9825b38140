using RagAnything.Content;

namespace RagAnything.Parsing;

/// <summary>
/// The parse counts of one parser for one media type, taken at one moment.
/// </summary>
/// <param name="ParserId">The parser's id, such as <c>pdf</c>.</param>
/// <param name="MediaType">The media type the documents were parsed as.</param>
/// <param name="Documents">The number of documents parsed successfully, not counting cache hits.</param>
/// <param name="Pages">The number of pages, slides or sheets of those documents.</param>
/// <param name="ItemsByKind">The number of content items produced, per kind; every kind is present.</param>
/// <param name="FailuresByCategory">The number of failed parses, per category; every category is present.</param>
/// <param name="CacheHits">The number of results served from the parse cache.</param>
/// <param name="TotalTime">The time spent in the parser, successes and failures together.</param>
public sealed record ParserStatisticsEntry(
    string ParserId,
    string MediaType,
    long Documents,
    long Pages,
    IReadOnlyDictionary<ContentKind, long> ItemsByKind,
    IReadOnlyDictionary<ErrorCategory, long> FailuresByCategory,
    long CacheHits,
    TimeSpan TotalTime);
