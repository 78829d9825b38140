using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RagAnything.OpenAI.Tests.Stub;

/// <summary>
/// An OpenAI-compatible server on 127.0.0.1 with a free port: <c>/v1/chat/completions</c> (JSON or SSE) and
/// <c>/v1/embeddings</c>. Scripted replies are sent first, in order; after them the chat handler answers.
/// </summary>
internal sealed class OpenAIStubServer : IAsyncDisposable
{
    public const int EmbeddingDimensions = 64;

    private readonly WebApplication _app;
    private readonly Func<StubChatRequest, StubReply> _chatHandler;

    private OpenAIStubServer(WebApplication app, Func<StubChatRequest, StubReply> chatHandler)
    {
        _app = app;
        _chatHandler = chatHandler;
    }

    /// <summary>Gets the base address to configure as the client's endpoint.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Gets replies to send before the handler answers, one per request to either path.</summary>
    public ConcurrentQueue<StubReply> Script { get; } = new();

    /// <summary>Gets every chat request received, in arrival order.</summary>
    public ConcurrentQueue<StubChatRequest> ChatRequests { get; } = new();

    /// <summary>Gets the number of embedding requests received.</summary>
    public int EmbeddingRequestCount => _embeddingRequests;

    /// <summary>Gets the number of requests of any kind received, scripted failures included.</summary>
    public int RequestCount => _requests;

    private int _embeddingRequests;
    private int _requests;

    public static async Task<OpenAIStubServer> StartAsync(Func<StubChatRequest, StubReply>? chatHandler = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");

        var app = builder.Build();
        var server = new OpenAIStubServer(app, chatHandler ?? (_ => StubReply.Text("stub answer")));
        app.MapPost("/v1/chat/completions", server.ChatAsync);
        app.MapPost("/v1/embeddings", server.EmbeddingsAsync);

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = new Uri(address.TrimEnd('/') + "/v1/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ChatAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var request = ReadChatRequest(body.RootElement);
        ChatRequests.Enqueue(request);

        var reply = Script.TryDequeue(out var scripted) ? scripted : _chatHandler(request);
        if (!await PrepareAsync(context, reply))
        {
            return;
        }

        if (request.Stream)
        {
            await WriteStreamAsync(context, request.Model, reply.Content);
            return;
        }

        var completion = new
        {
            id = "chatcmpl-stub",
            @object = "chat.completion",
            created = 1_700_000_000,
            model = request.Model,
            choices = new[] { new { index = 0, message = new { role = "assistant", content = reply.Content }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 10, completion_tokens = 5, total_tokens = 15 },
        };
        await context.Response.WriteAsJsonAsync(completion);
    }

    private async Task EmbeddingsAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        Interlocked.Increment(ref _embeddingRequests);
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var root = body.RootElement;
        var inputs = root.GetProperty("input").ValueKind == JsonValueKind.Array
            ? root.GetProperty("input").EnumerateArray().Select(item => item.GetString() ?? "").ToList()
            : [root.GetProperty("input").GetString() ?? ""];
        var base64 = root.TryGetProperty("encoding_format", out var format) && format.GetString() == "base64";

        var reply = Script.TryDequeue(out var scripted) ? scripted : new StubReply();
        if (!await PrepareAsync(context, reply))
        {
            return;
        }

        var data = inputs.Select((input, index) =>
        {
            var vector = WordHashVectors.Embed(input, EmbeddingDimensions);
            object embedding = base64 ? Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan())) : vector;
            return new { @object = "embedding", index, embedding };
        }).ToList();
        await context.Response.WriteAsJsonAsync(new { @object = "list", data, model = root.GetProperty("model").GetString(), usage = new { prompt_tokens = 1, total_tokens = 1 } });
    }

    /// <summary>Applies the reply's delay, status and headers; returns whether a success body should follow.</summary>
    private static async Task<bool> PrepareAsync(HttpContext context, StubReply reply)
    {
        if (reply.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reply.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        if (reply.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = reply.RetryAfter;
        }

        if (reply.Status != 200 || reply.RawBody is not null)
        {
            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(reply.RawBody ?? "");
            return false;
        }

        return true;
    }

    private static async Task WriteStreamAsync(HttpContext context, string model, string content)
    {
        context.Response.ContentType = "text/event-stream";

        // Three-character pieces, so a test can tell a streamed answer from one sent whole.
        for (var start = 0; start < content.Length; start += 3)
        {
            var piece = content.Substring(start, Math.Min(3, content.Length - start));
            var chunk = new
            {
                id = "chatcmpl-stub",
                @object = "chat.completion.chunk",
                created = 1_700_000_000,
                model,
                choices = new[] { new { index = 0, delta = new { role = "assistant", content = piece }, finish_reason = (string?)null } },
            };
            await context.Response.WriteAsync($"data: {JsonSerializer.Serialize(chunk)}\n\n");
            await context.Response.Body.FlushAsync();
        }

        var last = new
        {
            id = "chatcmpl-stub",
            @object = "chat.completion.chunk",
            created = 1_700_000_000,
            model,
            choices = new[] { new { index = 0, delta = new { }, finish_reason = "stop" } },
        };
        await context.Response.WriteAsync($"data: {JsonSerializer.Serialize(last)}\n\ndata: [DONE]\n\n");
    }

    private static StubChatRequest ReadChatRequest(JsonElement root)
    {
        var messages = new List<(string Role, string Text)>();
        var images = 0;
        foreach (var message in root.GetProperty("messages").EnumerateArray())
        {
            var role = message.GetProperty("role").GetString() ?? "";
            var content = message.GetProperty("content");
            if (content.ValueKind == JsonValueKind.String)
            {
                messages.Add((role, content.GetString() ?? ""));
                continue;
            }

            var text = new StringBuilder();
            foreach (var part in content.EnumerateArray())
            {
                var type = part.GetProperty("type").GetString();
                if (type == "text")
                {
                    text.Append(part.GetProperty("text").GetString());
                }
                else if (type == "image_url")
                {
                    images++;
                }
            }

            messages.Add((role, text.ToString()));
        }

        var stream = root.TryGetProperty("stream", out var streamValue) && streamValue.ValueKind == JsonValueKind.True;
        double? temperature = root.TryGetProperty("temperature", out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
        return new StubChatRequest(root.GetProperty("model").GetString() ?? "", stream, messages, images, temperature);
    }
}
