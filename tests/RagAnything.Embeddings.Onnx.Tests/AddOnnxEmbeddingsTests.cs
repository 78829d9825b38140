using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.ML.Tokenizers;

namespace RagAnything.Embeddings.Onnx.Tests;

public sealed class AddOnnxEmbeddingsTests
{
    [Fact]
    public void AddOnnxEmbeddings_Resolve_DefersLoading()
    {
        using var cache = new TemporaryDirectory();
        var services = new ServiceCollection();
        services.AddRagAnything().AddOnnxEmbeddings(options => options.CacheDirectory = cache.Path);

        using var provider = services.BuildServiceProvider();
        var generator = provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        Assert.IsType<OnnxEmbeddingGenerator>(generator);
        Assert.Empty(Directory.EnumerateFileSystemEntries(cache.Path));

        var tokenizer = provider.GetRequiredService<Tokenizer>();

        Assert.IsType<BertTokenizer>(tokenizer);
        Assert.NotEmpty(Directory.EnumerateFileSystemEntries(cache.Path));
        Assert.Same(tokenizer, generator.GetService<Tokenizer>());
    }

    [Fact]
    public void AddOnnxEmbeddings_EarlierRegistrations_AreReplaced()
    {
        var services = new ServiceCollection();
        services.AddSingleton<Tokenizer>(_ => throw new InvalidOperationException("replaced"));
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(_ => throw new InvalidOperationException("replaced"));

        services.AddRagAnything().AddOnnxEmbeddings();

        Assert.Single(services, descriptor => descriptor.ServiceType == typeof(Tokenizer));
        Assert.Single(services, descriptor => descriptor.ServiceType == typeof(IEmbeddingGenerator<string, Embedding<float>>));
    }

    [Fact]
    public void AddOnnxEmbeddings_InvalidOptions_FailsOnStart()
    {
        var services = new ServiceCollection();
        services.AddRagAnything().AddOnnxEmbeddings(options => options.BatchSize = 0);

        using var provider = services.BuildServiceProvider();
        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("BatchSize is 0", exception.Message, StringComparison.Ordinal);
    }
}
