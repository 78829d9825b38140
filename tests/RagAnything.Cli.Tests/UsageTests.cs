namespace RagAnything.Cli.Tests;

public sealed class UsageTests
{
    [Fact]
    public async Task Query_WithoutQuestion_ExitsWithUsageError()
    {
        var run = await RagProcess.RunAsync("query");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error", run.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Ingest_MissingPath_ExitsWithUsageError()
    {
        var store = Directory.CreateTempSubdirectory("rag-cli-").FullName;
        try
        {
            var run = await RagProcess.RunAsync("ingest", "--store", store, "/no/such/folder/anywhere");

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("path not found: /no/such/folder/anywhere", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(store, recursive: true);
        }
    }

    [Fact]
    public async Task Query_NegativeTopK_ExitsWithUsageError()
    {
        var run = await RagProcess.RunAsync("query", "--top-k", "-2", "anything");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--top-k", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_TopKNotNumber_IsUsageError()
    {
        var run = await RagProcess.RunAsync("query", "--top-k", "abc", "anything");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'abc'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_UnknownMode_ExitsWithUsageError()
    {
        var run = await RagProcess.RunAsync("query", "--mode", "telepathic", "anything");

        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public async Task Ingest_SampleData_ProcessesEveryFile()
    {
        var store = Directory.CreateTempSubdirectory("rag-cli-").FullName;
        try
        {
            var run = await RagProcess.RunAsync("ingest", "--store", store, RepositoryPaths.SampleData);
            var query = await RagProcess.RunAsync("query", "--store", store, "How long does Neptune take to orbit the Sun?");

            Assert.True(run.ExitCode == 0, run.Output + run.Error);
            var sampleCount = Directory.GetFiles(RepositoryPaths.SampleData).Length;
            Assert.Contains($"{sampleCount} processed, 0 already present, 0 failed", run.Output, StringComparison.Ordinal);
            Assert.Equal(0, query.ExitCode);
            Assert.Contains("solar-system-primer.md", query.Output, StringComparison.Ordinal);
            Assert.Contains("165", query.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(store, recursive: true);
        }
    }
}
