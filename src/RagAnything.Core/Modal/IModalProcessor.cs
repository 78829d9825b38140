namespace RagAnything.Modal;

/// <summary>
/// Describes one kind of non-text content item (table, image, equation) for the knowledge graph.
/// </summary>
internal interface IModalProcessor
{
    /// <summary>Returns whether this processor describes <paramref name="item"/>.</summary>
    bool CanProcess(Content.ContentItem item);

    /// <summary>
    /// Describes the item: with the chat model when one is registered, otherwise from the item's own text
    /// (caption, OCR text, table cells, equation source).
    /// </summary>
    Task<ModalDescription> DescribeAsync(ModalContext context, CancellationToken cancellationToken);
}
