using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.AI;
using RagAnything.Errors;
using RagAnything.OpenAI.Tests.Stub;
using RagAnything.OpenAI.Tests.TestDoubles;

namespace RagAnything.OpenAI.Tests;

public sealed class OpenAIChatClientTests
{
    [Fact]
    public async Task GetResponse_ReturnsStubAnswer()
    {
        await using var server = await OpenAIStubServer.StartAsync(_ => StubReply.Text("Lisbon."));
        await using var services = StubClients.Create(server);

        var response = await services.Chat().GetResponseAsync("Where does the train end?");

        Assert.Equal("Lisbon.", response.Text);
        var request = Assert.Single(server.ChatRequests);
        Assert.Equal("stub-chat", request.Model);
        Assert.False(request.Stream);
        Assert.Equal("Where does the train end?", request.LastUserText);
    }

    [Fact]
    public async Task Streaming_ReadsSseChunksUntilDone()
    {
        const string text = "The night train ends in Lisbon.";
        await using var server = await OpenAIStubServer.StartAsync(_ => StubReply.Text(text));
        await using var services = StubClients.Create(server);

        var pieces = new List<string>();
        await foreach (var update in services.Chat().GetStreamingResponseAsync("Where?"))
        {
            if (update.Text.Length > 0)
            {
                pieces.Add(update.Text);
            }
        }

        Assert.True(pieces.Count > 1, $"Expected several streamed pieces, got {pieces.Count}.");
        Assert.Equal(text, string.Concat(pieces));
        Assert.True(Assert.Single(server.ChatRequests).Stream);
    }

    [Fact]
    public async Task RateLimit_WaitsForRetryAfterThenSucceeds()
    {
        var logs = new ListLoggerProvider();
        await using var server = await OpenAIStubServer.StartAsync(_ => StubReply.Text("after the wait"));
        server.Script.Enqueue(StubReply.Error(429, retryAfter: "2"));
        await using var services = StubClients.Create(server, chat: options => options.MaxRetries = 2, logs: logs);

        var watch = Stopwatch.StartNew();
        var response = await services.Chat().GetResponseAsync("Hello");
        watch.Stop();

        Assert.Equal("after the wait", response.Text);
        Assert.Equal(2, server.RequestCount);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1.9), $"The retry came after {watch.Elapsed}, before the 2 s Retry-After.");
        var retry = Assert.Single(logs.Entries, entry => entry.EventId.Id == 7002);
        Assert.Equal(2000L, retry.State["DelayMs"]);
    }

    [Fact]
    public async Task StreamingRateLimit_RetriesBeforeFirstUpdate()
    {
        await using var server = await OpenAIStubServer.StartAsync(_ => StubReply.Text("streamed after retry"));
        server.Script.Enqueue(StubReply.Error(429, retryAfter: "0"));
        await using var services = StubClients.Create(server, chat: options => options.MaxRetries = 1);

        var text = string.Concat(await services.Chat().GetStreamingResponseAsync("Hello").Select(update => update.Text).ToListAsync());

        Assert.Equal("streamed after retry", text);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task ServerError_AfterRetries_ThrowsTransient()
    {
        await using var server = await OpenAIStubServer.StartAsync();
        server.Script.Enqueue(StubReply.Error(500, retryAfter: "0"));
        server.Script.Enqueue(StubReply.Error(500, retryAfter: "0"));
        await using var services = StubClients.Create(server, chat: options => options.MaxRetries = 1);

        var error = await Assert.ThrowsAsync<RagAnythingException>(() => services.Chat().GetResponseAsync("Hello"));

        Assert.Equal(ErrorCategory.Transient, error.Category);
        Assert.Contains("500", error.Message, StringComparison.Ordinal);
        Assert.Contains("stub-chat", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task SlowServer_ThrowsTimeoutWithoutRetry()
    {
        await using var server = await OpenAIStubServer.StartAsync();
        server.Script.Enqueue(new StubReply { Content = "too late", Delay = TimeSpan.FromSeconds(5) });
        await using var services = StubClients.Create(server, chat: options =>
        {
            options.Timeout = TimeSpan.FromMilliseconds(500);
            options.MaxRetries = 2;
        });

        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<RagAnythingException>(() => services.Chat().GetResponseAsync("Hello"));
        watch.Stop();

        Assert.Equal(ErrorCategory.Timeout, error.Category);
        Assert.Contains("Timeout", error.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), $"The call took {watch.Elapsed}, so the timeout did not stop it.");
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task RejectedKey_ThrowsValidationWithoutEchoingKey()
    {
        const string key = "sk-test-secret-0123456789";
        await using var server = await OpenAIStubServer.StartAsync();
        server.Script.Enqueue(StubReply.Error(401));
        await using var services = StubClients.Create(server, chat: options => options.ApiKey = key);

        var error = await Assert.ThrowsAsync<RagAnythingException>(() => services.Chat().GetResponseAsync("Hello"));

        Assert.Equal(ErrorCategory.Validation, error.Category);
        Assert.Contains("ApiKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task MalformedResponseBody_ThrowsClearError()
    {
        await using var server = await OpenAIStubServer.StartAsync();
        server.Script.Enqueue(new StubReply { RawBody = """{"choices": [ {"message": oops""" });
        await using var services = StubClients.Create(server);

        var error = await Assert.ThrowsAsync<RagAnythingException>(() => services.Chat().GetResponseAsync("Hello"));

        Assert.Equal(ErrorCategory.Validation, error.Category);
        Assert.Contains("not valid", error.Message, StringComparison.Ordinal);
        Assert.Contains("stub-chat", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClosedPort_ThrowsNetwork()
    {
        // A port that was free a moment ago and has no listener now.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        await using var server = await OpenAIStubServer.StartAsync();
        await using var services = StubClients.Create(server, chat: options =>
        {
            options.Endpoint = new Uri($"http://127.0.0.1:{port}/v1/");
            options.MaxRetries = 0;
        });

        var error = await Assert.ThrowsAsync<RagAnythingException>(() => services.Chat().GetResponseAsync("Hello"));

        Assert.Equal(ErrorCategory.Network, error.Category);
        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImageRequest_GoesToVisionModel()
    {
        await using var server = await OpenAIStubServer.StartAsync(_ => StubReply.Text("a chart"));
        await using var services = StubClients.Create(server, chat: options => options.VisionModel = "stub-vision");
        var image = new ChatMessage(ChatRole.User, "Describe it.");
        image.Contents.Add(new DataContent(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, "image/png"));

        await services.Chat().GetResponseAsync([image]);
        await services.Chat().GetResponseAsync("No image here.");

        var requests = server.ChatRequests.ToList();
        Assert.Equal("stub-vision", requests[0].Model);
        Assert.Equal(1, requests[0].ImageCount);
        Assert.Equal("stub-chat", requests[1].Model);
    }
}
