using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace RagAnything.OpenAI.Tests;

public sealed class OpenAIOptionsTests
{
    [Fact]
    public void InvalidSettings_AreAllReportedWithValues()
    {
        const string key = "sk-do-not-print-me";
        var services = new ServiceCollection();
        services.AddRagAnything().AddOpenAIChatClient(options =>
        {
            options.Endpoint = new Uri("ftp://models.example/v1/");
            options.Model = " ";
            options.ApiKey = key;
            options.Timeout = TimeSpan.Zero;
            options.MaxRetries = 99;
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var message = string.Join("\n", error.Failures);
        Assert.Contains("Endpoint is 'ftp://models.example/v1/'", message, StringComparison.Ordinal);
        Assert.Contains("Model is missing", message, StringComparison.Ordinal);
        Assert.Contains("Timeout is 00:00:00", message, StringComparison.Ordinal);
        Assert.Contains("MaxRetries is 99", message, StringComparison.Ordinal);
        Assert.DoesNotContain(key, message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenAIService_WithoutKey_IsRejected()
    {
        var services = new ServiceCollection();
        services.AddRagAnything().AddOpenAIChatClient(options => options.Model = "gpt-4o-mini");
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IChatClient>());

        Assert.Contains("ApiKey is missing", string.Join("\n", error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigurationSection_BindsEverySetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OpenAI:Chat:Endpoint"] = "http://127.0.0.1:11434/v1/",
            ["OpenAI:Chat:Model"] = "llama3.1:8b",
            ["OpenAI:Chat:ApiKey"] = "local",
            ["OpenAI:Chat:Timeout"] = "00:00:30",
            ["OpenAI:Chat:MaxRetries"] = "5",
            ["OpenAI:Chat:VisionModel"] = "llava",
            ["OpenAI:Embeddings:Endpoint"] = "http://127.0.0.1:11434/v1/",
            ["OpenAI:Embeddings:Model"] = "nomic-embed-text",
            ["OpenAI:Embeddings:Dimensions"] = "256",
        }).Build();
        var services = new ServiceCollection();
        services.AddRagAnything()
            .AddOpenAIChatClient(configuration.GetSection("OpenAI:Chat"))
            .AddOpenAIEmbeddings(configuration.GetSection("OpenAI:Embeddings"));
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        var chat = provider.GetRequiredService<IOptions<OpenAIChatOptions>>().Value;
        var embeddings = provider.GetRequiredService<IOptions<OpenAIEmbeddingOptions>>().Value;

        Assert.Equal(new Uri("http://127.0.0.1:11434/v1/"), chat.Endpoint);
        Assert.Equal("llama3.1:8b", chat.Model);
        Assert.Equal("local", chat.ApiKey);
        Assert.Equal(TimeSpan.FromSeconds(30), chat.Timeout);
        Assert.Equal(5, chat.MaxRetries);
        Assert.Equal("llava", chat.VisionModel);
        Assert.Equal("nomic-embed-text", embeddings.Model);
        Assert.Equal(256, embeddings.Dimensions);
    }

    [Fact]
    public void Registration_CreatesNoClientUntilResolved()
    {
        var services = new ServiceCollection();
        services.AddRagAnything().AddOpenAIChatClient(options => options.Model = "");

        // An invalid configuration fails only when the client is resolved or the host validates on start.
        using var provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IChatClient>());
    }
}
