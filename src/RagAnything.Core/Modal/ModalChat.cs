using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using RagAnything.Caching;

namespace RagAnything.Modal;

/// <summary>
/// Asks the registered chat model to describe an item, with an image attached when there is one.
/// </summary>
/// <remarks>The chat client is resolved on each call, so registering it after RagAnything works and none is required.</remarks>
internal sealed class ModalChat(IServiceProvider services)
{
    private const string Instructions =
        "You describe one part of a document (a table, a picture or a formula) so that it can be found by search " +
        "and linked to what the document says around it. Name what it shows, the entities, quantities and trends in it, " +
        "and how it relates to the surrounding text. Use only what the part and the surrounding text contain. " +
        "Answer in plain prose of at most 150 words, in the language of the document.";

    /// <summary>Gets whether a chat model is registered.</summary>
    public bool IsAvailable => services.GetService<IChatClient>() is not null;

    /// <summary>Returns the model's description, or <see langword="null"/> when no chat model is registered or its response is empty.</summary>
    public async Task<string?> DescribeAsync(string itemText, string surroundingText, DataContent? image, CancellationToken cancellationToken)
    {
        var chatClient = services.GetCoreChatClient();
        if (chatClient is null)
        {
            return null;
        }

        var user = new ChatMessage(ChatRole.User, $"Surrounding text:\n{surroundingText}\n\nPart to describe:\n{itemText}");
        if (image is not null)
        {
            user.Contents.Add(image);
        }

        var response = await chatClient.GetResponseAsync([new ChatMessage(ChatRole.System, Instructions), user], cancellationToken: cancellationToken).ConfigureAwait(false);
        var text = response.Text.Trim();
        return text.Length > 0 ? text : null;
    }
}
