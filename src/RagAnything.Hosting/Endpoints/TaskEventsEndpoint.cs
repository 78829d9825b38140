using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
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
/// Maps the Server-Sent Events stream of one task: a <c>task</c> event with its state, <c>progress</c> events
/// from <see cref="IRagAnything.WatchAsync"/> for its document, and heartbeat comments, until the task ends.
/// </summary>
internal static class TaskEventsEndpoint
{
    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet("/tasks/{id}/events", StreamAsync)
            .WithName("StreamTaskEvents")
            .WithSummary("Streams a task's state and progress as Server-Sent Events until the task ends.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> StreamAsync(
        string id,
        HttpContext context,
        TaskCoordinator coordinator,
        TaskEventHub hub,
        IRagAnything rag,
        StreamStatistics statistics,
        IOptions<RagAnythingHostingOptions> options,
        IOptions<JsonOptions> json,
        TimeProvider time,
        ILogger<TaskEventHub> logger)
    {
        var requestAborted = context.RequestAborted;

        // Subscribing before reading the task's state means no change between the two is missed.
        using var subscription = hub.Subscribe();
        var task = await coordinator.GetAsync(id, requestAborted).ConfigureAwait(false);
        if (task is null)
        {
            return ApiProblems.NotFound("task", id);
        }

        var serializer = json.Value.SerializerOptions;
        var streaming = options.Value.Streaming;
        using var buffer = new ClientEventBuffer<StreamMessage>(streaming.ClientBufferCapacity, statistics);
        buffer.Write(new StreamMessage(TaskEvent.StatusChanged, JsonSerializer.Serialize(TaskResponse.From(task), serializer), task.IsTerminal));

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        var pumps = Task.WhenAll(
            RelayTaskEventsAsync(subscription.Buffer, id, buffer, serializer, stop.Token),
            RelayProgressAsync(rag, task.DocumentId, buffer, serializer, stop.Token),
            Heartbeat.RunAsync(buffer, StreamMessage.Heartbeat, streaming.HeartbeatInterval, time, stop.Token));

        Log.StreamOpened(logger, id, "sse");
        try
        {
            await WriteEventsAsync(context, buffer, requestAborted).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
            // The client went away; nothing is left to send.
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await pumps.ConfigureAwait(false);
            Log.StreamClosed(logger, id, "sse", buffer.Dropped);
        }

        return Results.Empty;
    }

    private static async Task WriteEventsAsync(HttpContext context, ClientEventBuffer<StreamMessage> buffer, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";

        // Proxies and the response compression middleware must not hold events back.
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.StartAsync(cancellationToken).ConfigureAwait(false);

        await foreach (var message in buffer.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            var text = message.IsHeartbeat
                ? ": heartbeat\n\n"
                : $"event: {message.EventName}\ndata: {message.Json}\n\n";

            await response.WriteAsync(text, cancellationToken).ConfigureAwait(false);
            await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (message.IsFinal)
            {
                return;
            }
        }
    }

    private static async Task RelayTaskEventsAsync(ClientEventBuffer<TaskEvent> source, string taskId, ClientEventBuffer<StreamMessage> target, JsonSerializerOptions serializer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var taskEvent in source.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (taskEvent.Task is null || taskEvent.Task.Id != taskId || taskEvent.Type != TaskEvent.StatusChanged)
                {
                    continue;
                }

                target.Write(new StreamMessage(TaskEvent.StatusChanged, JsonSerializer.Serialize(taskEvent.Task, serializer), taskEvent.Task.IsTerminal));
            }
        }
        catch (OperationCanceledException)
        {
            // The stream ended.
        }
    }

    private static async Task RelayProgressAsync(IRagAnything rag, string documentId, ClientEventBuffer<StreamMessage> target, JsonSerializerOptions serializer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var progress in rag.WatchAsync(cancellationToken).ConfigureAwait(false))
            {
                if (progress.DocumentId == documentId)
                {
                    target.Write(new StreamMessage(TaskEvent.Progress, JsonSerializer.Serialize(ProgressResponse.From(progress), serializer)));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The stream ended.
        }
    }
}
