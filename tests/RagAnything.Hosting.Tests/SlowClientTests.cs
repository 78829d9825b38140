using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using RagAnything.Hosting.Endpoints.Contracts;
using RagAnything.Hosting.Tasks;
using RagAnything.Hosting.Tests.Infrastructure;
using RagAnything.Hosting.Tests.TestDoubles;

namespace RagAnything.Hosting.Tests;

/// <summary>
/// Clients that open a progress stream and never read. Kestrel's output buffer and the server socket's send
/// buffer are made small, so the stall reaches the per-client event buffer within a few KB.
/// </summary>
public sealed class SlowClientTests : ServerTestBase
{
    private const int ClientBufferCapacity = 8;

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>The maximum response time accepted from other routes while a client stalls, generous for a shared two-core machine.</summary>
    private static readonly TimeSpan MaxOtherRequestTime = TimeSpan.FromSeconds(1);

    private readonly WordHashEmbeddingGenerator _embeddings = new();

    internal override ServerSettings CreateSettings() => new()
    {
        DataFolder = DataFolder,
        Embeddings = _embeddings,
        SocketSendBufferBytes = 1024,
        Configure = options =>
        {
            options.Streaming.ClientBufferCapacity = ClientBufferCapacity;
            options.Streaming.HeartbeatInterval = TimeSpan.FromMilliseconds(1);
            options.RateLimit.Enabled = false;
        },
        ConfigureServices = services => services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxResponseBufferSize = 1024),
    };

    [Fact]
    public async Task Stalled_sse_client_drops_oldest_events()
    {
        var text = "A stalled reader of this task's events. " + WordHashEmbeddingGenerator.SlowMarker + " keeps the task open.";
        using var upload = await Client.UploadAsync("stalled-sse.txt", Encoding.UTF8.GetBytes(text));
        var taskId = (await upload.ReadJsonAsync()).GetProperty("taskId").GetString()!;
        await _embeddings.SlowTextStarted.Task.WaitAsync(Deadline);

        using var stalled = StalledConnections.CreateHttpClient(Server.BaseAddress);
        using var response = await stalled.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"{Api.Prefix}/tasks/{taskId}/events"), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // Heartbeats every millisecond fill the socket buffers; after that each new one pushes out the oldest.
        var dropped = await WaitForDroppedEventsAsync(minimum: 100);
        Assert.True(dropped >= 100);
        await AssertOtherRoutesAnswerAsync();
        await AssertHeapBoundedWhileFloodedAsync(taskId);

        _embeddings.Release();
        var task = await Client.WaitForTaskAsync(taskId);
        Assert.Equal("succeeded", task.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Stalled_socket_client_drops_oldest_events()
    {
        using var invoker = StalledConnections.CreateHttpClient(Server.BaseAddress);
        using var stalled = await StalledConnections.ConnectSocketAsync(Server.BaseAddress, invoker);

        // Real task events from a burst of uploads, on top of the heartbeats, all for a client that never reads.
        var taskIds = new List<string>();
        for (var index = 0; index < 20; index++)
        {
            using var upload = await Client.UploadAsync($"burst-{index}.txt", Encoding.UTF8.GetBytes($"Burst document number {index} about harbours, tides and ferries."));
            taskIds.Add((await upload.ReadJsonAsync()).GetProperty("taskId").GetString()!);
        }

        var dropped = await WaitForDroppedEventsAsync(minimum: 100);
        Assert.True(dropped >= 100);
        await AssertOtherRoutesAnswerAsync();
        foreach (var taskId in taskIds)
        {
            Assert.Equal("succeeded", (await Client.WaitForTaskAsync(taskId)).GetProperty("status").GetString());
        }

        await AssertHeapBoundedWhileFloodedAsync("task-flood");
    }

    [Fact]
    public async Task Reading_sse_client_gets_heartbeats()
    {
        var text = "A reader waiting for heartbeats. " + WordHashEmbeddingGenerator.SlowMarker + " keeps the task open.";
        using var upload = await Client.UploadAsync("heartbeat.txt", Encoding.UTF8.GetBytes(text));
        var taskId = (await upload.ReadJsonAsync()).GetProperty("taskId").GetString()!;

        using var response = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"{Api.Prefix}/tasks/{taskId}/events"), HttpCompletionOption.ResponseHeadersRead);
        using var cancel = new CancellationTokenSource(Deadline);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));

        var heartbeats = 0;
        while (heartbeats < 3 && await reader.ReadLineAsync(cancel.Token) is { } line)
        {
            if (line == ": heartbeat")
            {
                heartbeats++;
            }
        }

        Assert.Equal(3, heartbeats);
        _embeddings.Release();
    }

    private async Task<long> WaitForDroppedEventsAsync(long minimum)
    {
        var deadline = DateTime.UtcNow + Deadline;
        long dropped = 0;
        while (DateTime.UtcNow < deadline)
        {
            dropped = (await Client.GetJsonAsync("/api/system/status")).GetProperty("droppedStreamEvents").GetInt64();
            if (dropped >= minimum)
            {
                return dropped;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"Only {dropped} stream events were dropped after {Deadline}; expected at least {minimum} for a client that never reads.");
        return dropped;
    }

    private async Task AssertOtherRoutesAnswerAsync()
    {
        foreach (var route in new[] { "/health", $"{Api.Prefix}/documents", $"{Api.Prefix}/tasks", "/api/system/status" })
        {
            var watch = Stopwatch.StartNew();
            using var response = await Client.GetAsync(route);
            watch.Stop();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(watch.Elapsed < MaxOtherRequestTime, $"GET {route} took {watch.Elapsed.TotalMilliseconds:F0} ms while a stream client stalled.");
        }
    }

    /// <summary>
    /// Publishes 40,000 non-final task status events, each with its own 1 KB name, through the hub that feeds every
    /// stream. Kept in memory they would take over 40 MB; dropped as the bound requires, the live heap stays about
    /// where it was.
    /// </summary>
    private async Task AssertHeapBoundedWhileFloodedAsync(string taskId)
    {
        const int events = 40_000;
        const long tolerance = 16L * 1024 * 1024;
        var hub = Server.Services.GetRequiredService<TaskEventHub>();
        var droppedBefore = (await Client.GetJsonAsync("/api/system/status")).GetProperty("droppedStreamEvents").GetInt64();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);

        for (var index = 0; index < events; index++)
        {
            var task = new TaskResponse
            {
                Id = taskId,
                DocumentId = "doc-flood",
                DocumentName = new string('n', 1024) + index,
                Status = "running",
                Percent = index % 100,
            };
            hub.Publish(new TaskEvent(TaskEvent.StatusChanged, task));
        }

        // The stream relays events between buffers on other threads, so the last drops land a moment after Publish returns.
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        await WaitForDroppedEventsAsync(droppedBefore + events - (4 * ClientBufferCapacity));
        Assert.True(heapAfter - heapBefore < tolerance, $"The live heap grew by {(heapAfter - heapBefore) / 1024} KB while {events} events were flooded to a stalled client.");
    }
}
