using System.Net;
using System.Text;
using System.Text.Json;
using RagAnything.Hosting.Tests.Infrastructure;

namespace RagAnything.Hosting.Tests;

public sealed class SystemEndpointTests : ServerTestBase
{
    [Fact]
    public async Task Status_reports_process_queue_and_versions()
    {
        var status = await Client.GetJsonAsync("/api/system/status");

        Assert.True(status.GetProperty("workingSetBytes").GetInt64() > 0);
        Assert.True(status.GetProperty("gcHeapBytes").GetInt64() > 0);
        Assert.True(status.GetProperty("cpuTimeSeconds").GetDouble() > 0);
        Assert.True(status.GetProperty("diskFreeBytes").GetInt64() > 0);
        Assert.Equal(0, status.GetProperty("queueDepth").GetInt32());
        Assert.Equal(0, status.GetProperty("inFlightDocuments").GetInt32());
        Assert.False(string.IsNullOrEmpty(status.GetProperty("versions").GetProperty("raganything.hosting").GetString()));
    }

    [Fact]
    public async Task Parser_stats_count_by_media_type()
    {
        using var text = await Client.UploadAsync("plain.txt", Encoding.UTF8.GetBytes("Plain text for statistics."));
        using var markdown = await Client.UploadAsync("notes.md", Encoding.UTF8.GetBytes("# Notes\n\nMarkdown for statistics."));
        await Client.WaitForTaskAsync((await text.ReadJsonAsync()).GetProperty("taskId").GetString()!);
        await Client.WaitForTaskAsync((await markdown.ReadJsonAsync()).GetProperty("taskId").GetString()!);

        var stats = await Client.GetJsonAsync("/api/system/parser-stats");
        var byType = stats.GetProperty("mediaTypes").EnumerateArray().ToDictionary(item => item.GetProperty("mediaType").GetString()!);
        Assert.True(stats.GetProperty("complete").GetBoolean());
        Assert.Equal(2, stats.GetProperty("documentsScanned").GetInt32());
        Assert.Equal(1, byType["text/plain"].GetProperty("processed").GetInt32() + byType["text/plain"].GetProperty("inProgress").GetInt32());
        Assert.True(byType.ContainsKey("text/markdown"));
    }

    [Fact]
    public async Task Cache_routes_report_and_clear_layers()
    {
        using var upload = await Client.UploadAsync("cached.txt", Encoding.UTF8.GetBytes("Puffins nest in burrows on cliff tops and return to the same burrow each year."));
        await Client.WaitForTaskAsync((await upload.ReadJsonAsync()).GetProperty("taskId").GetString()!);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var answer = await Client.PostJsonAsync($"{Api.Prefix}/query", new { query = "Where do puffins nest?", mode = "naive" });
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        var layers = await GetCacheLayersAsync();
        Assert.Equal(["parse", "embedding", "chat", "query"], layers.Keys);
        Assert.True(layers.Values.Sum(layer => layer.GetProperty("hits").GetInt64() + layer.GetProperty("misses").GetInt64()) > 0, "No cache layer recorded a lookup after an ingest and two queries.");

        using var clearQuery = await Client.DeleteAsync($"{Api.Prefix}/cache?layer=query");
        Assert.Equal(HttpStatusCode.NoContent, clearQuery.StatusCode);
        var query = (await GetCacheLayersAsync())["query"];
        Assert.Equal(0, query.GetProperty("entries").GetInt64());
        Assert.Equal(0, query.GetProperty("hits").GetInt64() + query.GetProperty("misses").GetInt64());

        using var clearAll = await Client.DeleteAsync($"{Api.Prefix}/cache");
        Assert.Equal(HttpStatusCode.NoContent, clearAll.StatusCode);
        Assert.All((await GetCacheLayersAsync()).Values, layer => Assert.Equal(0, layer.GetProperty("entries").GetInt64()));

        using var invalid = await Client.DeleteAsync($"{Api.Prefix}/cache?layer=disk");
        Api.AssertProblem(invalid, HttpStatusCode.BadRequest, await invalid.ReadJsonAsync(), "validation");
    }

    [Fact]
    public async Task Status_lists_pipeline_stages_and_data_size()
    {
        using var upload = await Client.UploadAsync("stages.txt", Encoding.UTF8.GetBytes("Stages of the pipeline are reported by the status route."));
        await Client.WaitForTaskAsync((await upload.ReadJsonAsync()).GetProperty("taskId").GetString()!);

        var status = await Client.GetJsonAsync("/api/system/status");
        var stages = status.GetProperty("pipelineStages").EnumerateArray().ToList();
        Assert.NotEmpty(stages);
        Assert.All(stages, stage => Assert.False(string.IsNullOrEmpty(stage.GetProperty("stage").GetString())));
        Assert.All(stages, stage => Assert.True(stage.GetProperty("workers").GetInt32() >= 1));
        Assert.All(stages, stage => Assert.Equal(0, stage.GetProperty("queued").GetInt32() + stage.GetProperty("inFlight").GetInt32()));
        Assert.True(status.GetProperty("dataDirectoryBytes").GetInt64() > 0);

        // The server started before the upload above, so its uptime covers at least that much.
        Assert.True(TimeSpan.Parse(status.GetProperty("uptime").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > TimeSpan.FromMilliseconds(10));
    }

    [Fact]
    public async Task Framework_errors_use_api_problem_types()
    {
        using var unknownRoute = await Client.GetAsync($"{Api.Prefix}/no-such-route");
        Api.AssertProblem(unknownRoute, HttpStatusCode.NotFound, await unknownRoute.ReadJsonAsync(), "not-found");

        using var badNumber = await Client.GetAsync($"{Api.Prefix}/tasks?pageSize=many");
        Api.AssertProblem(badNumber, HttpStatusCode.BadRequest, await badNumber.ReadJsonAsync(), "validation");

        using var wrongMethod = await Client.PutAsync($"{Api.Prefix}/tasks", null);
        Api.AssertProblem(wrongMethod, HttpStatusCode.MethodNotAllowed, await wrongMethod.ReadJsonAsync(), "method-not-allowed");
    }

    private async Task<Dictionary<string, JsonElement>> GetCacheLayersAsync()
    {
        var cache = await Client.GetJsonAsync($"{Api.Prefix}/cache/status");
        return cache.GetProperty("layers").EnumerateArray().ToDictionary(layer => layer.GetProperty("layer").GetString()!);
    }

    [Fact]
    public async Task Health_routes_report_healthy()
    {
        var live = await Client.GetJsonAsync("/health");
        Assert.Equal("Healthy", live.GetProperty("status").GetString());

        var ready = await Client.GetJsonAsync("/health/ready");
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("raganything").GetProperty("status").GetString());
    }

    [Fact]
    public async Task OpenApi_describes_every_route()
    {
        var document = await Client.GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(path => path.Name).ToHashSet();

        string[] expected =
        [
            "/health", "/health/ready", "/api/system/status", "/api/system/parser-stats",
            "/api/v1/documents", "/api/v1/documents/{id}", "/api/v1/documents/upload", "/api/v1/documents/upload/batch",
            "/api/v1/documents/{id}/process", "/api/v1/documents/process/batch", "/api/v1/documents/text",
            "/api/v1/tasks", "/api/v1/tasks/{id}", "/api/v1/tasks/{id}/cancel", "/api/v1/tasks/{id}/events", "/api/v1/ws/tasks",
            "/api/v1/query", "/api/v1/query/stream", "/api/v1/query/data", "/api/v1/cache/status", "/api/v1/cache",
            "/api/v1/graph/labels", "/api/v1/graph/subgraph",
        ];
        foreach (var path in expected)
        {
            Assert.Contains(path, paths);
        }

        var upload = document.GetProperty("paths").GetProperty("/api/v1/documents/upload").GetProperty("post");
        Assert.Equal("UploadDocument", upload.GetProperty("operationId").GetString());
        Assert.True(upload.GetProperty("responses").TryGetProperty("413", out _));
    }
}
