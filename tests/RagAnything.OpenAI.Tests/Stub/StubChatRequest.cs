namespace RagAnything.OpenAI.Tests.Stub;

/// <summary>
/// A chat request as the stub server received it.
/// </summary>
/// <param name="Model">The model id sent.</param>
/// <param name="Stream">Whether a streamed (SSE) response was requested.</param>
/// <param name="Messages">Each message's role and text, in order.</param>
/// <param name="ImageCount">How many image parts the messages contain.</param>
/// <param name="Temperature">The temperature sent, if any.</param>
internal sealed record StubChatRequest(string Model, bool Stream, IReadOnlyList<(string Role, string Text)> Messages, int ImageCount, double? Temperature)
{
    /// <summary>Gets the text of every message joined, for routing by prompt content.</summary>
    public string AllText => string.Join("\n", Messages.Select(message => message.Text));

    /// <summary>Gets the text of the first system message, or an empty string.</summary>
    public string SystemText => Messages.FirstOrDefault(message => message.Role == "system").Text ?? "";

    /// <summary>Gets the text of the last user message, or an empty string.</summary>
    public string LastUserText => Messages.LastOrDefault(message => message.Role == "user").Text ?? "";
}
