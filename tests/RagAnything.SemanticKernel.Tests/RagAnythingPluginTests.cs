using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using RagAnything.Errors;
using RagAnything.SemanticKernel.Tests.TestDoubles;

namespace RagAnything.SemanticKernel.Tests;

public sealed class RagAnythingPluginTests
{
    private const string Notes =
        "# Depot notes\n\nThe Contoso Rail night train leaves Madrid at 21:40 and reaches Lisbon at 07:10.\n\n" +
        "Fabrikam Foods delivers bread to the dining car in Porto every morning.\n";

    [Fact]
    public async Task IngestThenQuery_ReturnsAnswerWithSources()
    {
        await using var services = RagServices.Create();
        var kernel = CreateKernel(services);

        var ingested = await kernel.InvokeAsync<string>("rag", "ingest_text", new KernelArguments { ["name"] = "depot-notes.md", ["text"] = Notes });
        var answer = await kernel.InvokeAsync<string>("rag", "query", new KernelArguments { ["question"] = "When does the night train reach Lisbon?", ["mode"] = "naive" });

        Assert.StartsWith("Ingested 'depot-notes.md' as document ", ingested, StringComparison.Ordinal);
        Assert.Contains("07:10", answer, StringComparison.Ordinal);
        Assert.Contains("Sources:", answer, StringComparison.Ordinal);
        Assert.Contains("[1] depot-notes.md, page 1", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_WithoutMode_UsesMix()
    {
        await using var services = RagServices.Create();
        var kernel = CreateKernel(services);
        await kernel.InvokeAsync("rag", "ingest_text", new KernelArguments { ["name"] = "depot-notes.md", ["text"] = Notes });

        var answer = await kernel.InvokeAsync<string>("rag", "query", new KernelArguments { ["question"] = "Who delivers bread to the dining car?" });

        Assert.Contains("Fabrikam Foods", answer, StringComparison.Ordinal);
        Assert.Contains("depot-notes.md", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestText_SameTextTwice_ReportsAlreadyPresent()
    {
        await using var services = RagServices.Create();
        var kernel = CreateKernel(services);
        var arguments = new KernelArguments { ["name"] = "depot-notes.md", ["text"] = Notes };

        await kernel.InvokeAsync("rag", "ingest_text", arguments);
        var second = await kernel.InvokeAsync<string>("rag", "ingest_text", arguments);

        Assert.Contains("already in the knowledge base", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestText_EmptyText_IngestsNothing()
    {
        await using var services = RagServices.Create();
        var kernel = CreateKernel(services);

        var result = await kernel.InvokeAsync<string>("rag", "ingest_text", new KernelArguments { ["name"] = "empty.md", ["text"] = "  " });

        Assert.StartsWith("Nothing was ingested", result, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("semantic")]
    [InlineData("7")]
    public async Task Query_UnknownMode_FailsWithValidation(string mode)
    {
        await using var services = RagServices.Create();
        var kernel = CreateKernel(services);

        var error = await Assert.ThrowsAsync<RagAnythingException>(() => kernel.InvokeAsync("rag", "query", new KernelArguments { ["question"] = "Anything?", ["mode"] = mode }));

        Assert.Equal(ErrorCategory.Validation, error.Category);
        Assert.Contains($"'{mode}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plugin_DescribesFunctionsForModels()
    {
        await using var services = RagServices.Create();
        var plugin = CreateKernel(services).Plugins["rag"];

        var query = plugin["query"].Metadata;
        var ingest = plugin["ingest_text"].Metadata;

        Assert.Equal(2, plugin.FunctionCount);
        Assert.Contains("documents", query.Description, StringComparison.Ordinal);
        Assert.Equal(["question", "mode"], query.Parameters.Select(parameter => parameter.Name));
        Assert.All(query.Parameters, parameter => Assert.False(string.IsNullOrWhiteSpace(parameter.Description)));
        Assert.True(query.Parameters[0].IsRequired);
        Assert.Equal("mix", query.Parameters[1].DefaultValue);
        Assert.Equal(["name", "text"], ingest.Parameters.Select(parameter => parameter.Name));
        Assert.False(string.IsNullOrWhiteSpace(ingest.Description));
    }

    private static Kernel CreateKernel(IServiceProvider services)
    {
        var kernel = new Kernel();
        kernel.Plugins.AddRagAnything(services.GetRequiredService<IRagAnything>());
        return kernel;
    }
}
