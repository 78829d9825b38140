namespace RagAnything.Storage.Keyword;

/// <summary>
/// One keyword search result. Higher scores are better; scores are only comparable within one search.
/// </summary>
/// <param name="Id">The id of the matched text.</param>
/// <param name="DocumentId">The document of the matched text.</param>
/// <param name="Score">The relevance score (BM25 or a comparable measure), higher is better.</param>
public sealed record KeywordMatch(string Id, string DocumentId, double Score);
