using Microsoft.Extensions.DependencyInjection;
using RagAnything.Parsing;

namespace RagAnything.Parsers.Tests;

public class AddDefaultParsersTests
{
    [Fact]
    public void AddDefaultParsers_RegistersEveryParserOnce()
    {
        var builder = new TestBuilder();

        builder.AddDefaultParsers().AddDefaultParsers();
        using var provider = builder.Services.BuildServiceProvider();

        var parsers = provider.GetServices<IDocumentParser>().ToList();
        Assert.Equal(["text", "markdown", "pdf", "docx", "xlsx", "pptx", "html", "csv", "image"], parsers.Select(parser => parser.Id));
        Assert.Same(parsers[^1], provider.GetServices<IDocumentParser>().Last());
    }

    [Fact]
    public void AddDefaultParsers_ReplacesDetector()
    {
        var builder = new TestBuilder();
        builder.Services.AddSingleton<IMediaTypeDetector, FixedDetector>();

        builder.AddDefaultParsers();
        using var provider = builder.Services.BuildServiceProvider();

        Assert.IsType<ContentSniffer>(provider.GetRequiredService<IMediaTypeDetector>());
        Assert.Single(builder.Services, descriptor => descriptor.ServiceType == typeof(IMediaTypeDetector));
        Assert.Same(provider.GetRequiredService<ContentSniffer>(), provider.GetRequiredService<IMediaTypeDetector>());
    }

    [Fact]
    public void AddDefaultParsers_KeepsOtherParsers()
    {
        var builder = new TestBuilder();
        builder.Services.AddSingleton<IDocumentParser, PdfParser>();

        builder.AddDefaultParsers();

        // TryAddEnumerable skips the PDF parser already registered, so it stays once among the nine.
        Assert.Equal(9, builder.Services.Count(descriptor => descriptor.ServiceType == typeof(IDocumentParser)));
    }

    private sealed class TestBuilder : IRagAnythingBuilder
    {
        public IServiceCollection Services { get; } = new ServiceCollection();
    }

    private sealed class FixedDetector : IMediaTypeDetector
    {
        public string Detect(DocumentSource source) => MediaTypes.PlainText;
    }
}
