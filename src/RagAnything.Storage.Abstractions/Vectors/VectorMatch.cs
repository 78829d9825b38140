namespace RagAnything.Storage.Vectors;

/// <summary>
/// One search result: the record's ids and its cosine similarity to the query.
/// </summary>
/// <param name="Id">The id of the matched record.</param>
/// <param name="DocumentId">The document of the matched record.</param>
/// <param name="Score">The cosine similarity, from -1 to 1.</param>
public sealed record VectorMatch(string Id, string DocumentId, double Score);
