namespace RagAnything.Cli.Tests;

/// <summary>
/// Ingests the whole shared corpus once with <c>rag ingest</c> into a temporary store shared by the tests of a class.
/// </summary>
public sealed class CorpusStoreFixture : IAsyncLifetime
{
    public string StoreDirectory { get; } = Directory.CreateTempSubdirectory("rag-cli-").FullName;

    internal RagRun Ingest { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Ingest = await RagProcess.RunAsync("ingest", "--store", StoreDirectory, RepositoryPaths.Corpus);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(StoreDirectory, recursive: true);
        return Task.CompletedTask;
    }
}
