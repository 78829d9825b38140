using Microsoft.Extensions.AI;

namespace RagAnything.Query;

/// <summary>
/// A question and how to answer it.
/// </summary>
public sealed record QueryRequest
{
    /// <summary>Gets the question text.</summary>
    public required string Query { get; init; }

    /// <summary>Gets the query mode.</summary>
    /// <value>The default is <see cref="QueryMode.Naive"/>.</value>
    public QueryMode Mode { get; init; } = QueryMode.Naive;

    /// <summary>Gets how many chunks to cite, or <see langword="null"/> for <see cref="QueryOptions.TopK"/>.</summary>
    public int? TopK { get; init; }

    /// <summary>Gets the documents to search in, or <see langword="null"/> for all.</summary>
    public IReadOnlyCollection<string>? DocumentIds { get; init; }

    /// <summary>Gets earlier turns of the conversation, oldest first, passed to the chat model.</summary>
    /// <value>The default is an empty list.</value>
    public IReadOnlyList<ChatMessage> History { get; init; } = [];

    /// <summary>
    /// Gets tables, equations and images sent with the question. Their descriptions are added to the text that
    /// retrieval searches with and to the prompt; images also go to the chat model.
    /// </summary>
    /// <value>The default is an empty list.</value>
    public IReadOnlyList<QueryAttachment> Attachments { get; init; } = [];

    /// <summary>
    /// Gets themes of the question for the graph modes to match against relations, or <see langword="null"/> to
    /// have them taken from the question by the chat model, or from its content words without one.
    /// </summary>
    public IReadOnlyList<string>? HighLevelKeywords { get; init; }

    /// <summary>
    /// Gets names and specific terms of the question for the graph modes to match against entities, or
    /// <see langword="null"/> to have them taken from the question by the chat model, or from its names and content
    /// words without one.
    /// </summary>
    public IReadOnlyList<string>? LowLevelKeywords { get; init; }
}
