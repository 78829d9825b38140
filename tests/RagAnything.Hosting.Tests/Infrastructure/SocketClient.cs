using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace RagAnything.Hosting.Tests.Infrastructure;

/// <summary>
/// A WebSocket client of the task-events route that reads JSON text messages, each wait bounded by a timeout.
/// </summary>
internal sealed class SocketClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();

    public WebSocket Socket => _socket;

    public static async Task<SocketClient> ConnectAsync(Uri baseAddress, Action<ClientWebSocketOptions>? configure = null)
    {
        var client = new SocketClient();
        configure?.Invoke(client._socket.Options);
        var address = new UriBuilder(baseAddress) { Scheme = "ws", Path = Api.Prefix + "/ws/tasks" }.Uri;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await client._socket.ConnectAsync(address, timeout.Token);
        return client;
    }

    /// <summary>Receives one whole text message and parses it; fails when the server closes or the timeout passes.</summary>
    public async Task<JsonElement> ReceiveAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        using var message = new MemoryStream();
        var buffer = new byte[4096];
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer, cancel.Token);
            Assert.NotEqual(WebSocketMessageType.Close, result.MessageType);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        Assert.Equal(WebSocketMessageType.Text, result.MessageType);
        return JsonDocument.Parse(Encoding.UTF8.GetString(message.ToArray())).RootElement.Clone();
    }

    /// <summary>Receives messages until one matches <paramref name="predicate"/>, returning every message read; fails after <paramref name="timeout"/>.</summary>
    public async Task<List<JsonElement>> ReceiveUntilAsync(Func<JsonElement, bool> predicate, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var messages = new List<JsonElement>();
        while (true)
        {
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No matching message within {timeout}; received {messages.Count}: {string.Join(", ", messages.Select(message => message.GetProperty("type").GetString()))}.");
            }

            var message = await ReceiveAsync(remaining);
            messages.Add(message);
            if (predicate(message))
            {
                return messages;
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
