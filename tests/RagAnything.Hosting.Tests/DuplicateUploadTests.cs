using System.Net;
using System.Text;
using System.Text.Json;
using RagAnything.Hosting.Tests.Infrastructure;
using RagAnything.Hosting.Tests.TestDoubles;

namespace RagAnything.Hosting.Tests;

public sealed class DuplicateUploadTests : ServerTestBase
{
    private Func<StaleStatusRagAnything>? _rag;

    internal override ServerSettings CreateSettings() => new()
    {
        DataFolder = DataFolder,
        ConfigureServices = services => _rag = StaleStatusRagAnything.Register(services),
    };

    [Fact]
    public async Task Duplicate_upload_after_task_finished_queues_nothing()
    {
        var bytes = Encoding.UTF8.GetBytes("These bytes are uploaded twice while the first copy is processed.");
        using var stored = await Client.UploadAsync("report.txt", bytes, process: false);
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        var documentId = (await stored.ReadJsonAsync()).GetProperty("document").GetProperty("id").GetString()!;

        // The duplicate upload reads the document as pending and is held there, as a slow store read would be.
        var rag = _rag!();
        rag.Arm();
        var duplicate = Client.UploadAsync("report.txt", bytes);
        await rag.StatusRead.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // Meanwhile the document's own task runs to its end.
        using var process = await Client.PostAsync($"{Api.Prefix}/documents/{documentId}/process", null);
        Assert.Equal(HttpStatusCode.Accepted, process.StatusCode);
        var taskId = (await process.ReadJsonAsync()).GetProperty("id").GetString()!;
        var finished = await Client.WaitForTaskAsync(taskId);
        Assert.Equal("succeeded", finished.GetProperty("status").GetString());

        rag.Release.SetResult();
        using var response = await duplicate.WaitAsync(TimeSpan.FromSeconds(30));
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.GetProperty("alreadyPresent").GetBoolean());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("taskId").ValueKind);
    }
}
