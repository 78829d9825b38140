using Microsoft.Extensions.AI;

namespace RagAnything.Core.Tests.Graph;

/// <summary>
/// An in-process chat client that responds to each request with the text a script computes from the messages,
/// and records every request so tests can count calls and inspect what was sent.
/// </summary>
internal sealed class ScriptedChatClient(Func<IReadOnlyList<ChatMessage>, string> script) : IChatClient
{
    private readonly object _gate = new();
    private readonly List<IReadOnlyList<ChatMessage>> _requests = [];

    public ScriptedChatClient(params string[] responses)
        : this(CreateQueue(responses))
    {
    }

    public int CallCount
    {
        get
        {
            lock (_gate)
            {
                return _requests.Count;
            }
        }
    }

    public IReadOnlyList<IReadOnlyList<ChatMessage>> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        lock (_gate)
        {
            _requests.Add(list);
        }

        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, script(list))));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
        => serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("scripted", defaultModelId: "scripted-model") : null;

    public void Dispose()
    {
    }

    // Returns the texts in order. Once they run out, every further request gets an empty response.
    private static Func<IReadOnlyList<ChatMessage>, string> CreateQueue(string[] responses)
    {
        var next = 0;
        return _ => next < responses.Length ? responses[next++] : "";
    }
}
