using Microsoft.Extensions.AI;

namespace RagAnything.Core.Tests.Chat;

/// <summary>
/// A chat client that throws the given exceptions on its first calls, then returns "ok", and records the options
/// each call received.
/// </summary>
internal sealed class FlakyChatClient(params Exception[] failures) : IChatClient
{
    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    public List<ChatOptions?> ReceivedOptions { get; } = [];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var attempt = Interlocked.Increment(ref _attempts) - 1;
        lock (ReceivedOptions)
        {
            ReceivedOptions.Add(options);
        }

        if (attempt < failures.Length)
        {
            throw failures[attempt];
        }

        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok")));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => throw new NotSupportedException("The tests use non-streaming calls.");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
