namespace RagAnything.Storage.Documents;

/// <summary>
/// One page of document status records, ordered by document id.
/// </summary>
/// <param name="Items">The records on this page.</param>
/// <param name="ContinuationToken">The token for the next page, or <see langword="null"/> when this is the last one.</param>
public sealed record DocumentStatusPage(IReadOnlyList<DocumentStatusRecord> Items, string? ContinuationToken);
