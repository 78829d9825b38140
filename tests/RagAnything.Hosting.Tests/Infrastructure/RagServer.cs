using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.ML.Tokenizers;
using RagAnything.Hosting.Tests.TestDoubles;

namespace RagAnything.Hosting.Tests.Infrastructure;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with a free port, SQLite in the given data folder, the default parsers and
/// the hosting routes, started before the constructor's task completes.
/// </summary>
internal sealed class RagServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RagServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<RagServer> StartAsync(ServerSettings settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (settings.SocketSendBufferBytes is { } sendBuffer)
        {
            // Accepted sockets inherit the listener's buffer size, so a small one makes a stalled client push back
            // quickly. The transport's own write pipe buffers 64 KiB by default, so it is made as small.
            builder.WebHost.UseSockets(sockets =>
            {
                sockets.MaxWriteBufferSize = sendBuffer;
                sockets.CreateBoundListenSocket = endpoint =>
                {
                    var socket = SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
                    socket.SendBufferSize = sendBuffer;
                    return socket;
                };
            });
        }

        var rag = builder.Services.AddRagAnything().AddDefaultParsers();
        if (settings.UseOnnxModel)
        {
            rag.AddOnnxEmbeddings();
        }
        else
        {
            builder.Services.AddSingleton<Tokenizer>(SmallVocabularyTokenizer.Instance);
            builder.Services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(settings.Embeddings);
        }

        builder.Services.AddRagAnythingSqliteStorage(sqlite => sqlite.DatabasePath = Path.Combine(settings.DataFolder, "rag.db"));
        builder.Services.AddRagAnythingHosting(options =>
        {
            options.DataDirectory = settings.DataFolder;
            options.Uploads.TempDirectory = Path.Combine(settings.DataFolder, "uploads");
            options.Tasks.MaxConcurrency = 2;
            settings.Configure?.Invoke(options);
        });
        builder.Services.AddOpenApi();
        settings.ConfigureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapOpenApi();
        app.MapRagAnything();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new RagServer(app, new Uri(address));
    }

    public async Task StopAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _app.StopAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
