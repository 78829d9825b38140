using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.ML.Tokenizers;
using RagAnything.Ingestion;
using RagAnything.OpenAI.Tests.Stub;
using RagAnything.Parsing;

namespace RagAnything.OpenAI.Tests.TestDoubles;

/// <summary>
/// A stub server answering as <see cref="ScriptedModel"/> and a RagAnything service provider whose chat model and
/// embeddings are the stub's, reached over HTTP through <c>AddOpenAIChatClient</c> and <c>AddOpenAIEmbeddings</c>.
/// </summary>
internal sealed class RagHarness : IAsyncDisposable
{
    private RagHarness(OpenAIStubServer server, ServiceProvider services, ScriptedModel model)
    {
        Server = server;
        Services = services;
        Model = model;
    }

    public OpenAIStubServer Server { get; }

    public ServiceProvider Services { get; }

    public ScriptedModel Model { get; }

    public IRagAnything Rag => Services.GetRequiredService<IRagAnything>();

    public static async Task<RagHarness> StartAsync(bool withChat = true, Action<IRagAnythingBuilder>? configure = null)
    {
        var model = new ScriptedModel();
        var server = await OpenAIStubServer.StartAsync(model.Reply);

        var services = new ServiceCollection();
        var builder = services.AddRagAnything().AddDefaultParsers();
        services.AddSingleton<Tokenizer>(TinyTokenizer.Create());
        builder.AddOpenAIEmbeddings(options =>
        {
            options.Endpoint = server.Endpoint;
            options.Model = "stub-embed";
            options.Timeout = TimeSpan.FromSeconds(10);
        });

        if (withChat)
        {
            builder.AddOpenAIChatClient(options =>
            {
                options.Endpoint = server.Endpoint;
                options.Model = "stub-chat";
                options.Timeout = TimeSpan.FromSeconds(10);
                options.MaxRetries = 1;
            });
        }

        configure?.Invoke(builder);
        return new RagHarness(server, services.BuildServiceProvider(), model);
    }

    public async Task<IngestResult> IngestDocumentAsync(string name = "night-trains.md", string? text = null)
    {
        var bytes = Encoding.UTF8.GetBytes(text ?? ScriptedModel.Document);
        var result = await Rag.IngestAsync(new DocumentSource(name, bytes));
        Assert.True(result.Outcome != IngestOutcome.Failed, $"Ingestion failed: {result.Error?.Category} {result.Error?.Message}");
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
