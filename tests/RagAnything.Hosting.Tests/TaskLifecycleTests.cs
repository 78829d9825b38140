using System.Net;
using System.Text;
using RagAnything.Hosting.Tests.Infrastructure;
using RagAnything.Hosting.Tests.TestDoubles;

namespace RagAnything.Hosting.Tests;

public sealed class TaskLifecycleTests : ServerTestBase
{
    private readonly WordHashEmbeddingGenerator _embeddings = new();

    internal override ServerSettings CreateSettings() => new() { DataFolder = DataFolder, Embeddings = _embeddings };

    [Fact]
    public async Task Cancel_running_task_leaves_others_going()
    {
        using var slow = await Client.UploadAsync("slow.txt", Encoding.UTF8.GetBytes("This text waits in embedding: " + WordHashEmbeddingGenerator.SlowMarker));
        var slowTaskId = (await slow.ReadJsonAsync()).GetProperty("taskId").GetString()!;
        await _embeddings.SlowTextStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));

        using var fast = await Client.UploadAsync("fast.txt", Encoding.UTF8.GetBytes("This text is embedded at once and is not cancelled."));
        var fastTaskId = (await fast.ReadJsonAsync()).GetProperty("taskId").GetString()!;

        using var cancel = await Client.PostAsync($"{Api.Prefix}/tasks/{slowTaskId}/cancel", null);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);

        var cancelled = await Client.WaitForTaskAsync(slowTaskId, TimeSpan.FromSeconds(30));
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());

        // The pipeline batches embeddings across documents, so the other document waits for the stuck model call to return.
        _embeddings.Release();
        var finished = await Client.WaitForTaskAsync(fastTaskId, TimeSpan.FromSeconds(30));
        Assert.Equal("succeeded", finished.GetProperty("status").GetString());

        using var again = await Client.PostAsync($"{Api.Prefix}/tasks/{slowTaskId}/cancel", null);
        Api.AssertProblem(again, HttpStatusCode.Conflict, await again.ReadJsonAsync(), "conflict");

        using var unknown = await Client.PostAsync($"{Api.Prefix}/tasks/task-unknown/cancel", null);
        Api.AssertProblem(unknown, HttpStatusCode.NotFound, await unknown.ReadJsonAsync(), "not-found");

        using var missing = await Client.GetAsync($"{Api.Prefix}/tasks/task-unknown");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Full_queue_is_503_with_retry_after()
    {
        await using var server = await RagServer.StartAsync(new ServerSettings
        {
            DataFolder = Path.Combine(DataFolder, "small-queue"),
            Embeddings = _embeddings,
            Configure = options =>
            {
                options.Tasks.MaxConcurrency = 1;
                options.Tasks.QueueCapacity = 1;
            },
        });

        // The first task blocks the only worker, the second fills the queue, the third finds no room.
        using var first = await server.Client.UploadAsync("blocker.txt", Encoding.UTF8.GetBytes("Blocks the worker: " + WordHashEmbeddingGenerator.SlowMarker));
        await _embeddings.SlowTextStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        using var second = await server.Client.UploadAsync("waiting.txt", Encoding.UTF8.GetBytes("Waits in the queue."));
        using var third = await server.Client.UploadAsync("rejected.txt", Encoding.UTF8.GetBytes("Finds the queue full."));

        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Api.AssertProblem(third, HttpStatusCode.ServiceUnavailable, await third.ReadJsonAsync(), "queue-full");
        Assert.Equal(TimeSpan.FromSeconds(10), third.Headers.RetryAfter?.Delta);

        _embeddings.Release();
        await server.Client.WaitForTaskAsync((await second.ReadJsonAsync()).GetProperty("taskId").GetString()!);
    }
}
