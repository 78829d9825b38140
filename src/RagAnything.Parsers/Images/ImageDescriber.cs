using Microsoft.Extensions.AI;

namespace RagAnything.Parsing;

/// <summary>
/// Asks a vision-capable chat model to describe an image and transcribe its text.
/// </summary>
internal static class ImageDescriber
{
    /// <summary>
    /// The instruction sent with each image. It requests prose a search index can match and for the exact text,
    /// which a vision model often reads better than OCR in photos and screenshots.
    /// </summary>
    internal const string Instruction =
        "Describe this image in a few sentences for a search index: what it shows and what it is for. " +
        "Then transcribe any text it contains exactly, keeping the reading order. Reply with plain text only.";

    /// <summary>Returns the model's description, or <see langword="null"/> when it replied with no text.</summary>
    public static async Task<string?> DescribeAsync(IChatClient chatClient, ReadOnlyMemory<byte> image, string mediaType, CancellationToken cancellationToken)
    {
        var message = new ChatMessage(ChatRole.User, [new TextContent(Instruction), new DataContent(image, mediaType)]);

        var response = await chatClient.GetResponseAsync([message], cancellationToken: cancellationToken).ConfigureAwait(false);

        var text = response.Text.Trim();
        return text.Length == 0 ? null : text;
    }
}
