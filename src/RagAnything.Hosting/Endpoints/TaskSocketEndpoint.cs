using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagAnything.Hosting.Diagnostics;
using RagAnything.Hosting.Endpoints.Contracts;
using RagAnything.Hosting.Problems;
using RagAnything.Hosting.Streaming;
using RagAnything.Hosting.Tasks;

namespace RagAnything.Hosting.Endpoints;

/// <summary>
/// Maps the WebSocket that sends every task event as a JSON text message, with heartbeat messages while idle.
/// </summary>
internal static class TaskSocketEndpoint
{
    private const string AllTasks = "*";

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet("/ws/tasks", RunAsync)
            .WithName("TaskEventsSocket")
            .WithSummary("Upgrades to a WebSocket that sends every task's state and progress as JSON text messages.")
            .Produces(StatusCodes.Status101SwitchingProtocols)
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> RunAsync(
        HttpContext context,
        TaskEventHub hub,
        IOptions<RagAnythingHostingOptions> options,
        IOptions<JsonOptions> json,
        TimeProvider time,
        ILogger<TaskEventHub> logger)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return ApiProblems.Validation("This route accepts WebSocket requests only. Connect with a WebSocket client.");
        }

        var streaming = options.Value.Streaming;
        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { KeepAliveInterval = streaming.HeartbeatInterval }).ConfigureAwait(false);
        using var subscription = hub.Subscribe();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);

        // Heartbeats share the subscription's bounded buffer, so a stalled client holds at most its capacity.
        var heartbeat = Heartbeat.RunAsync(subscription.Buffer, TaskEvent.Heartbeat, streaming.HeartbeatInterval, time, stop.Token);
        var receive = ReceiveUntilClosedAsync(socket, stop);

        Log.StreamOpened(logger, AllTasks, "websocket");
        try
        {
            await SendEventsAsync(socket, subscription.Buffer, json.Value.SerializerOptions, stop.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or IOException)
        {
            // The client closed or went away.
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(heartbeat, receive).ConfigureAwait(false);
            Log.StreamClosed(logger, AllTasks, "websocket", subscription.Buffer.Dropped);
        }

        return Results.Empty;
    }

    private static async Task SendEventsAsync(WebSocket socket, ClientEventBuffer<TaskEvent> buffer, JsonSerializerOptions serializer, CancellationToken cancellationToken)
    {
        await foreach (var taskEvent in buffer.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(new SocketMessage(taskEvent.Type, taskEvent.Task), serializer);
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task ReceiveUntilClosedAsync(WebSocket socket, CancellationTokenSource stop)
    {
        // Clients send nothing but close frames; reading them is how a closed socket is noticed.
        var buffer = new byte[256];
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, stop.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "closed by the client", CancellationToken.None).ConfigureAwait(false);
                    break;
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or IOException)
        {
            // The socket is gone.
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
        }
    }}
