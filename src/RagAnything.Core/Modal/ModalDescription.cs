namespace RagAnything.Modal;

/// <summary>
/// The result of a modal processor for one item: the graph entity that represents it and its description.
/// </summary>
/// <param name="EntityName">The entity name, from the caption or the page, qualified by the document name.</param>
/// <param name="EntityType">The entity type: <c>table</c>, <c>image</c>, <c>equation</c> or the item's kind.</param>
/// <param name="Description">What the item shows, from the chat model or from the item's own text.</param>
internal sealed record ModalDescription(string EntityName, string EntityType, string Description);
