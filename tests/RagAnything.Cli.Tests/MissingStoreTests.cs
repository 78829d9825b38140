namespace RagAnything.Cli.Tests;

/// <summary>
/// The commands that read a store (status, query, resume) on a --store folder without one: each must report it,
/// exit with the usage-error code 2, and create nothing.
/// </summary>
public sealed class MissingStoreTests : IDisposable
{
    private readonly string _parent = Directory.CreateTempSubdirectory("rag-cli-").FullName;

    public static TheoryData<string[]> ReadingCommands => new()
    {
        new[] { "status" },
        new[] { "status", "--json" },
        new[] { "query", "anything at all" },
        new[] { "resume" },
    };

    [Theory]
    [MemberData(nameof(ReadingCommands))]
    public async Task Missing_folder_reports_no_store(string[] command)
    {
        var store = Path.Combine(_parent, "no-store-here");

        var run = await RagProcess.RunAsync([.. command, "--store", store]);

        Assert.True(run.ExitCode == 2, $"exit code {run.ExitCode}\n{run.Output}\n{run.Error}");
        Assert.Contains($"error: store not found at {store}: the folder does not exist.", run.Error, StringComparison.Ordinal);
        Assert.Contains("rag ingest --store", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Output);
        Assert.False(Directory.Exists(store), $"{store} was created.");
    }

    [Theory]
    [MemberData(nameof(ReadingCommands))]
    public async Task Empty_folder_gets_no_database(string[] command)
    {
        var store = Directory.CreateDirectory(Path.Combine(_parent, "empty")).FullName;

        var run = await RagProcess.RunAsync([.. command, "--store", store]);

        Assert.True(run.ExitCode == 2, $"exit code {run.ExitCode}\n{run.Output}\n{run.Error}");
        Assert.Contains($"error: store not found at {store}: the folder has no rag.db.", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(store));
    }

    public void Dispose() => Directory.Delete(_parent, recursive: true);
}
