using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;

namespace RagAnything.Hosting.Tests.Infrastructure;

/// <summary>
/// Opens progress streams from clients that never read, with a small socket receive buffer so the server's
/// writes stall after a few KB instead of after the operating system's default window.
/// </summary>
internal static class StalledConnections
{
    /// <summary>The receive buffer of the stalled client in bytes. Linux doubles it and applies its own minimum, which is still only a few KB.</summary>
    public const int ReceiveBufferBytes = 1024;

    public static HttpClient CreateHttpClient(Uri baseAddress)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };

                // Set before connecting, because the TCP window is agreed during the handshake.
                socket.ReceiveBufferSize = ReceiveBufferBytes;
                await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };

        return new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Connects a WebSocket through a small receive buffer; the caller never receives on it.</summary>
    public static async Task<ClientWebSocket> ConnectSocketAsync(Uri baseAddress, HttpMessageInvoker invoker)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetBuffer(256, 256);
        var address = new UriBuilder(baseAddress) { Scheme = "ws", Path = Api.Prefix + "/ws/tasks" }.Uri;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await socket.ConnectAsync(address, invoker, timeout.Token);
        return socket;
    }
}
