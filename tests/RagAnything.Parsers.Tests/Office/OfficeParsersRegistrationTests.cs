using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RagAnything.Parsing;
using RagAnything.Storage.Blobs;
using RagAnything.Storage.InMemory;

namespace RagAnything.Parsers.Tests.Office;

public sealed class OfficeParsersRegistrationTests
{
    [Fact]
    public void AddOfficeParsers_RegistersThreeParsersOnce()
    {
        var services = new ServiceCollection();
        var builder = new TestBuilder(services);

        builder.AddOfficeParsers().AddOfficeParsers(options => options.MaxRowsPerTable = 50);
        using var provider = services.BuildServiceProvider();

        var ids = provider.GetServices<IDocumentParser>().Select(parser => parser.Id).Order().ToList();
        Assert.Equal(["docx", "pptx", "xlsx"], ids);
        Assert.Equal(50, provider.GetRequiredService<IOptions<OfficeParserOptions>>().Value.MaxRowsPerTable);
    }

    [Fact]
    public async Task AddOfficeParsers_UsesRegisteredBlobStore()
    {
        var services = new ServiceCollection();
        var blobs = new InMemoryBlobStore();
        services.AddSingleton<IBlobStore>(blobs);
        new TestBuilder(services).AddOfficeParsers();
        using var provider = services.BuildServiceProvider();
        var parser = provider.GetServices<IDocumentParser>().Single(candidate => candidate.Id == "docx");

        var document = await parser.ParseAsync(await Corpus.LoadAsync("docx_table_and_image.docx"), MediaTypes.Docx);

        var image = Assert.Single(document.Items.OfType<RagAnything.Content.ImageItem>());
        Assert.NotNull(image.BlobKey);
        Assert.True(await blobs.ExistsAsync(image.BlobKey));
    }

    [Fact]
    public void AddOfficeParsers_InvalidOptionsFailOnResolve()
    {
        var services = new ServiceCollection();
        new TestBuilder(services).AddOfficeParsers(options => options.MaxImages = -1);
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<OfficeParserOptions>>().Value);

        Assert.Contains("MaxImages is -1", exception.Message, StringComparison.Ordinal);
    }

    private sealed class TestBuilder(IServiceCollection services) : IRagAnythingBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}
