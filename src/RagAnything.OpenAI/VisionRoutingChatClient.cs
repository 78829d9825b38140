using Microsoft.Extensions.AI;

namespace RagAnything.OpenAI;

/// <summary>
/// Sends requests that contain an image to the vision model and all others to the text model.
/// </summary>
internal sealed class VisionRoutingChatClient(IChatClient textClient, IChatClient visionClient) : DelegatingChatClient(textClient)
{
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        return HasImage(list)
            ? visionClient.GetResponseAsync(list, options, cancellationToken)
            : base.GetResponseAsync(list, options, cancellationToken);
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        return HasImage(list)
            ? visionClient.GetStreamingResponseAsync(list, options, cancellationToken)
            : base.GetStreamingResponseAsync(list, options, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            visionClient.Dispose();
        }

        base.Dispose(disposing);
    }

    private static bool HasImage(List<ChatMessage> messages)
        => messages.Any(message => message.Contents.Any(content => content is DataContent data && data.HasTopLevelMediaType("image")));
}
