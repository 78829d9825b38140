namespace RagAnything.Storage.Keyword;

/// <summary>
/// A text to index for keyword search, such as one chunk.
/// </summary>
/// <param name="Id">The id of the text, such as a chunk id.</param>
/// <param name="DocumentId">The document the text belongs to.</param>
/// <param name="Text">The text to index.</param>
public sealed record KeywordDocument(string Id, string DocumentId, string Text);
