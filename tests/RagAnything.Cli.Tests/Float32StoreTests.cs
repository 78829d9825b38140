using Microsoft.Extensions.DependencyInjection;
using RagAnything.Embeddings.Onnx;
using RagAnything.Ingestion;
using RagAnything.Parsing;

namespace RagAnything.Cli.Tests;

/// <summary>
/// A store whose vectors came from the float32 bundled model, as every store did before int8 became the default:
/// the tool must keep querying and extending it at float32 instead of failing on the model id.
/// </summary>
public sealed class Float32StoreTests : IDisposable
{
    private readonly string _store = Directory.CreateTempSubdirectory("rag-cli-fp32-").FullName;

    [Fact]
    public async Task Query_Float32Store_UsesStoredPrecision()
    {
        await IngestAtFloat32Async("bakery.txt", "The bakery on Mill Street opens at seven and closes at noon on Sundays.");

        var query = await RagProcess.RunAsync("query", "--store", _store, "--json", "When does the bakery open?");
        var ingest = await RagProcess.RunAsync("ingest", "--store", _store, RepositoryPaths.SampleData);
        var status = await RagProcess.RunAsync("status", "--store", _store, "--json");

        Assert.True(query.ExitCode == 0, $"query exit code {query.ExitCode}\n{query.Output}\n{query.Error}");
        Assert.Contains("bakery.txt", query.Output, StringComparison.Ordinal);
        Assert.True(ingest.ExitCode == 0, $"ingest exit code {ingest.ExitCode}\n{ingest.Output}\n{ingest.Error}");
        using var statusJson = System.Text.Json.JsonDocument.Parse(status.Output);
        Assert.Equal("all-MiniLM-L6-v2", statusJson.RootElement.GetProperty("embeddingModel").GetString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_store, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a failing run must not hide that run's own failure.
        }
    }

    private async Task IngestAtFloat32Async(string name, string text)
    {
        var services = new ServiceCollection();
        services.AddRagAnything().AddDefaultParsers().AddOnnxEmbeddings(onnx => onnx.Precision = EmbeddingPrecision.Float32);
        services.AddRagAnythingSqliteStorage(sqlite => sqlite.DatabasePath = Path.Combine(_store, "rag.db"));

        await using var provider = services.BuildServiceProvider();
        var result = await provider.GetRequiredService<IRagAnything>().IngestAsync(new DocumentSource(name, System.Text.Encoding.UTF8.GetBytes(text)));
        Assert.Equal(IngestOutcome.Processed, result.Outcome);
    }
}
