using System.Net;
using System.Text;
using System.Text.Json;
using RagAnything.Hosting.Tests.Infrastructure;
using RagAnything.Hosting.Tests.TestDoubles;

namespace RagAnything.Hosting.Tests;

public sealed class DocumentLifecycleTests : ServerTestBase
{
    private const string NorwichFile = "txt_wikipedia_norwich_city.txt";

    [Fact]
    public async Task Upload_process_query_delete()
    {
        using var upload = await Client.UploadAsync(NorwichFile, Corpus.Read(NorwichFile));
        var accepted = await upload.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var documentId = accepted.GetProperty("document").GetProperty("id").GetString()!;
        var taskId = accepted.GetProperty("taskId").GetString()!;
        Assert.Equal(NorwichFile, accepted.GetProperty("document").GetProperty("name").GetString());
        Assert.Equal("text/plain", accepted.GetProperty("document").GetProperty("mediaType").GetString());

        var task = await Client.WaitForTaskAsync(taskId);
        Assert.Equal("succeeded", task.GetProperty("status").GetString());
        Assert.Equal(100, task.GetProperty("percent").GetInt32());

        var document = await Client.GetJsonAsync($"{Api.Prefix}/documents/{documentId}");
        Assert.Equal("processed", document.GetProperty("status").GetString());
        Assert.True(document.GetProperty("chunkCount").GetInt32() > 0);
        Assert.True(document.GetProperty("pageCount").GetInt32() >= 1);
        Assert.True(document.GetProperty("size").GetInt64() > 0);

        using var query = await Client.PostJsonAsync($"{Api.Prefix}/query", new { query = "Which stadium does Norwich City football club play at?", mode = "naive", topK = 3 });
        var answer = await query.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
        var citations = answer.GetProperty("citations");
        Assert.InRange(citations.GetArrayLength(), 1, 3);
        Assert.Equal(NorwichFile, citations[0].GetProperty("documentName").GetString());
        Assert.False(string.IsNullOrEmpty(citations[0].GetProperty("chunkId").GetString()));
        Assert.True(citations[0].GetProperty("page").GetInt32() >= 1);
        Assert.False(string.IsNullOrWhiteSpace(answer.GetProperty("answer").GetString()));

        using var delete = await Client.DeleteAsync($"{Api.Prefix}/documents/{documentId}");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);

        using var missing = await Client.GetAsync($"{Api.Prefix}/documents/{documentId}");
        Api.AssertProblem(missing, HttpStatusCode.NotFound, await missing.ReadJsonAsync(), "not-found");

        using var deleteAgain = await Client.DeleteAsync($"{Api.Prefix}/documents/{documentId}");
        Assert.Equal(HttpStatusCode.NotFound, deleteAgain.StatusCode);

        using var afterDelete = await Client.PostJsonAsync($"{Api.Prefix}/query/data", new { query = "Norwich City stadium" });
        var retrieval = await afterDelete.ReadJsonAsync();
        Assert.Equal(0, retrieval.GetProperty("citations").GetArrayLength());
    }

    [Fact]
    public async Task Events_stream_progress_until_done()
    {
        var text = "Progress streams report each stage. " + WordHashEmbeddingGenerator.SlowMarker + " keeps embedding waiting until the test releases it.";
        using var upload = await Client.UploadAsync("progress.txt", Encoding.UTF8.GetBytes(text));
        var taskId = (await upload.ReadJsonAsync()).GetProperty("taskId").GetString()!;

        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Api.Prefix}/tasks/{taskId}/events");
        using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);

        await _embeddings.SlowTextStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        _embeddings.Release();

        var events = await ReadEventsAsync(response, TimeSpan.FromSeconds(30));
        Assert.Contains(events, e => e.Name == "progress" && e.Data.GetProperty("stage").GetString() == "done");
        var last = events[^1];
        Assert.Equal("task", last.Name);
        Assert.Equal("succeeded", last.Data.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Reprocess_and_batch_process_queue_tasks()
    {
        using var upload = await Client.UploadAsync("stored-only.md", Encoding.UTF8.GetBytes("# Stored\n\nA document stored without processing, then processed on request."), process: false);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var document = (await upload.ReadJsonAsync()).GetProperty("document");
        Assert.Equal("pending", document.GetProperty("status").GetString());
        var documentId = document.GetProperty("id").GetString()!;

        using var batch = await Client.PostJsonAsync($"{Api.Prefix}/documents/process/batch", new { documentIds = new[] { documentId, "doc-unknown" } });
        var items = (await batch.ReadJsonAsync()).GetProperty("items");
        Assert.Equal(HttpStatusCode.Accepted, batch.StatusCode);
        Assert.Equal("queued", items[0].GetProperty("outcome").GetString());
        Assert.Equal("notFound", items[1].GetProperty("outcome").GetString());
        await Client.WaitForTaskAsync(items[0].GetProperty("taskId").GetString()!);

        using var reprocess = await Client.PostAsync($"{Api.Prefix}/documents/{documentId}/process", null);
        Assert.Equal(HttpStatusCode.Accepted, reprocess.StatusCode);
        var task = await Client.WaitForTaskAsync((await reprocess.ReadJsonAsync()).GetProperty("id").GetString()!);
        Assert.Equal("succeeded", task.GetProperty("status").GetString());

        using var unknown = await Client.PostAsync($"{Api.Prefix}/documents/doc-unknown/process", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var tasks = await Client.GetJsonAsync($"{Api.Prefix}/tasks?pageSize=1");
        Assert.Equal(1, tasks.GetProperty("items").GetArrayLength());
        var next = tasks.GetProperty("next").GetString();
        var secondPage = await Client.GetJsonAsync($"{Api.Prefix}/tasks?pageSize=1&cursor={next}");
        Assert.Equal(1, secondPage.GetProperty("items").GetArrayLength());
        Assert.NotEqual(tasks.GetProperty("items")[0].GetProperty("id").GetString(), secondPage.GetProperty("items")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Text_and_content_list_are_ingested()
    {
        using var text = await Client.PostJsonAsync($"{Api.Prefix}/documents/text", new { text = "Lighthouses guide ships along rocky coasts at night." });
        var accepted = await text.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Accepted, text.StatusCode);
        Assert.StartsWith("text-", accepted.GetProperty("document").GetProperty("name").GetString());
        await Client.WaitForTaskAsync(accepted.GetProperty("taskId").GetString()!);

        var items = new object[] { new { kind = "text", text = "Glaciers carve valleys over thousands of years." } };
        using var list = await Client.PostJsonAsync($"{Api.Prefix}/documents/text", new { name = "glaciers.json", items });
        var ingested = await list.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal("processed", ingested.GetProperty("document").GetProperty("status").GetString());

        using var neither = await Client.PostJsonAsync($"{Api.Prefix}/documents/text", new { name = "empty" });
        Assert.Equal(HttpStatusCode.BadRequest, neither.StatusCode);
    }

    [Fact]
    public async Task List_filters_by_status_and_name()
    {
        using (await Client.UploadAsync("alpha-notes.txt", Encoding.UTF8.GetBytes("Alpha notes about rivers."), process: false))
        using (await Client.UploadAsync("beta-notes.txt", Encoding.UTF8.GetBytes("Beta notes about mountains."), process: false))
        {
        }

        var byName = await Client.GetJsonAsync($"{Api.Prefix}/documents?name=alpha");
        Assert.Single(byName.GetProperty("items").EnumerateArray());

        var pending = await Client.GetJsonAsync($"{Api.Prefix}/documents?status=pending&sort=name");
        var names = pending.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("name").GetString()).ToList();
        Assert.Equal(["alpha-notes.txt", "beta-notes.txt"], names);

        var firstPage = await Client.GetJsonAsync($"{Api.Prefix}/documents?pageSize=1");
        Assert.Single(firstPage.GetProperty("items").EnumerateArray());
        Assert.NotNull(firstPage.GetProperty("next").GetString());

        using var invalid = await Client.GetAsync($"{Api.Prefix}/documents?status=finished");
        Api.AssertProblem(invalid, HttpStatusCode.BadRequest, await invalid.ReadJsonAsync(), "validation");
    }

    private readonly WordHashEmbeddingGenerator _embeddings = new();

    internal override ServerSettings CreateSettings() => new() { DataFolder = DataFolder, Embeddings = _embeddings };

    internal static async Task<List<(string Name, JsonElement Data)>> ReadEventsAsync(HttpResponseMessage response, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        var events = new List<(string, JsonElement)>();
        string? name = null;
        while (await reader.ReadLineAsync(cancel.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && name is not null)
            {
                events.Add((name, JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone()));
                name = null;
            }
        }

        return events;
    }
}
