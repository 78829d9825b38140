using System.Net;
using System.Text;
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
    public async Task Cache_routes_report_no_layers()
    {
        var cache = await Client.GetJsonAsync($"{Api.Prefix}/cache/status");
        Assert.Equal(0, cache.GetProperty("layers").GetArrayLength());

        using var clear = await Client.DeleteAsync($"{Api.Prefix}/cache");
        Assert.Equal(HttpStatusCode.NoContent, clear.StatusCode);
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
