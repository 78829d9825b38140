namespace RagAnything.Query;

/// <summary>
/// A request with its attachments described: retrieval searches with <see cref="RetrievalRequest"/>, whose query
/// text includes the descriptions, and the prompt shows the caller's question with the attachments after it.
/// </summary>
internal sealed record PreparedQuery(QueryRequest Request, QueryRequest RetrievalRequest, IReadOnlyList<AttachmentDescription> Attachments);
