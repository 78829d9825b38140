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
using RagAnything.Ingestion;

namespace RagAnything.Hosting.Endpoints;

/// <summary>
/// Maps the Server-Sent Events stream of one task: a <c>task</c> event with its state, <c>progress</c> events
/// from <see cref="IRagAnything.WatchAsync"/> for its document, and heartbeat comments, until the task ends.
/// </summary>
internal static class TaskEventsEndpoint
{
    /// <summary>
    /// How long the stream waits, after the task's final state arrives, for progress events still on their way.
    /// Progress comes through its own subscription, so the last stage's event can arrive just after the task ends.
    /// </summary>
    private static readonly TimeSpan FinalProgressGrace = TimeSpan.FromMilliseconds(250);

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
            await WriteEventsAsync(context, buffer, time, requestAborted).ConfigureAwait(false);
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

    private static async Task WriteEventsAsync(HttpContext context, ClientEventBuffer<StreamMessage> buffer, TimeProvider time, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";

        // Proxies and the response compression middleware must not hold events back.
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.StartAsync(cancellationToken).ConfigureAwait(false);

        var doneWritten = false;
        await foreach (var message in buffer.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (message.IsFinal)
            {
                if (!doneWritten)
                {
                    await WriteLateProgressAsync(response, buffer, time, cancellationToken).ConfigureAwait(false);
                }

                await WriteAsync(response, message, cancellationToken).ConfigureAwait(false);
                return;
            }

            await WriteAsync(response, message, cancellationToken).ConfigureAwait(false);
            doneWritten |= IsDoneProgress(message);
        }
    }

    /// <summary>Writes the progress events that arrive within <see cref="FinalProgressGrace"/> or until the <c>done</c> stage, so the final task event comes last.</summary>
    private static async Task WriteLateProgressAsync(HttpResponse response, ClientEventBuffer<StreamMessage> buffer, TimeProvider time, CancellationToken cancellationToken)
    {
        using var grace = new CancellationTokenSource(FinalProgressGrace, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(grace.Token, cancellationToken);
        try
        {
            while (true)
            {
                var message = await buffer.Reader.ReadAsync(linked.Token).ConfigureAwait(false);
                if (message.IsHeartbeat)
                {
                    continue;
                }

                await WriteAsync(response, message, cancellationToken).ConfigureAwait(false);
                if (IsDoneProgress(message))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (grace.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // No more progress within the grace period.
        }
    }

    private static bool IsDoneProgress(StreamMessage message)
        => message.EventName == TaskEvent.Progress && message.Json.Contains($"\"stage\":\"{PipelineStages.Done}\"", StringComparison.Ordinal);

    private static async Task WriteAsync(HttpResponse response, StreamMessage message, CancellationToken cancellationToken)
    {
        var text = message.IsHeartbeat
            ? ": heartbeat\n\n"
            : $"event: {message.EventName}\ndata: {message.Json}\n\n";

        await response.WriteAsync(text, cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
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
