using Microsoft.Extensions.AI;

namespace RagAnything.Query;

/// <summary>
/// The text that stands for one attachment in retrieval and in the prompt, and the image to send with the prompt.
/// </summary>
/// <param name="Label">The attachment's kind and number, such as <c>table 1</c>.</param>
/// <param name="Text">The description, or an empty string when nothing describes the attachment.</param>
/// <param name="Image">The image content for the chat model, or <see langword="null"/> for tables and equations.</param>
internal sealed record AttachmentDescription(string Label, string Text, DataContent? Image);
