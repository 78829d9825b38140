using RagAnything.Content;

namespace RagAnything.Modal;

/// <summary>
/// A table, image or equation to describe, with what surrounds it in its document.
/// </summary>
/// <param name="Item">The item to describe.</param>
/// <param name="DocumentName">The file name of the item's document, which qualifies the entity name.</param>
/// <param name="SurroundingText">Text from the item's page and the pages around it, within the token limit.</param>
internal sealed record ModalContext(ContentItem Item, string DocumentName, string SurroundingText)
{
    /// <summary>Gets the 1-based page number of the item, as people count pages.</summary>
    public int PageNumber => Item.PageIndex + 1;
}
