using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RagAnything.Content;
using RagAnything.Parsing;
using RagAnything.Storage.InMemory;

namespace RagAnything.Parsers.Tests.Pdf;

public class ParseCacheAndStatisticsTests
{
    [Fact]
    public async Task ParseCache_RenamedCopyHits()
    {
        var cache = new ParseCache(new InMemoryKeyValueStore());
        var parser = new PdfParser();
        var original = new DocumentSource("a.pdf", CyclicPdfs.Valid());
        var renamed = new DocumentSource("renamed-copy.pdf", CyclicPdfs.Valid());
        var parsed = await parser.ParseAsync(original, MediaTypes.Pdf);

        await cache.SetAsync(ParseCacheKey.Create(original.Sha256, parser), parsed);
        var hit = await cache.GetAsync(ParseCacheKey.Create(renamed.Sha256, parser));

        Assert.NotNull(hit);
        Assert.Equal("Hello cycle", Assert.IsType<TextItem>(Assert.Single(hit.Items)).Text);
        Assert.Equal(1, cache.Hits);
        Assert.Equal(0, cache.Misses);
    }

    [Fact]
    public async Task ParseCache_ChangedOptionMisses()
    {
        var cache = new ParseCache(new InMemoryKeyValueStore());
        var source = new DocumentSource("a.pdf", CyclicPdfs.Valid());
        var before = new PdfParser();
        var after = new PdfParser(Options.Create(new PdfParserOptions { DetectTables = false }));
        await cache.SetAsync(ParseCacheKey.Create(source.Sha256, before), await before.ParseAsync(source, MediaTypes.Pdf));

        var lookup = await cache.GetAsync(ParseCacheKey.Create(source.Sha256, after));

        Assert.Null(lookup);
        Assert.NotEqual(before.OptionsFingerprint, after.OptionsFingerprint);
        Assert.Equal(1, cache.Misses);
    }

    [Fact]
    public async Task ParseCache_TableAndImageRoundTrip()
    {
        var cache = new ParseCache(new InMemoryKeyValueStore());
        var document = new ParsedDocument
        {
            SourceName = "x.pdf",
            MediaType = MediaTypes.Pdf,
            Sha256 = new string('a', 64),
            Items = [new TableItem([["h"], ["v"]]) { Caption = "Table 1" }, new ImageItem { BlobKey = "images/k.png", Width = 40, Height = 50 }],
        };

        await cache.SetAsync("k", document);
        var read = await cache.GetAsync("k");

        Assert.NotNull(read);
        Assert.Equal("Table 1", Assert.IsType<TableItem>(read.Items[0]).Caption);
        Assert.Equal(50, Assert.IsType<ImageItem>(read.Items[1]).Height);
    }

    [Fact]
    public async Task Statistics_CountsPerParserAndMediaType()
    {
        var statistics = new ParserStatistics();
        var parsed = await new PdfParser().ParseAsync(new DocumentSource("a.pdf", CyclicPdfs.Valid()), MediaTypes.Pdf);

        statistics.RecordSuccess("pdf", MediaTypes.Pdf, parsed, TimeSpan.FromMilliseconds(5));
        statistics.RecordFailure("pdf", MediaTypes.Pdf, ErrorCategory.Timeout, TimeSpan.FromMilliseconds(7));
        statistics.RecordCacheHit("pdf", MediaTypes.Pdf);

        var entry = Assert.Single(statistics.GetSnapshot());
        Assert.Equal(1, entry.Documents);
        Assert.Equal(1, entry.Pages);
        Assert.Equal(1, entry.ItemsByKind[ContentKind.Text]);
        Assert.Equal(0, entry.ItemsByKind[ContentKind.Table]);
        Assert.Equal(1, entry.FailuresByCategory[ErrorCategory.Timeout]);
        Assert.Equal(1, entry.CacheHits);
        Assert.Equal(TimeSpan.FromMilliseconds(12), entry.TotalTime);
    }

    [Fact]
    public void Statistics_ConcurrentRecordsAllCounted()
    {
        var statistics = new ParserStatistics();

        Parallel.For(0, 10_000, _ => statistics.RecordFailure("pdf", MediaTypes.Pdf, ErrorCategory.Permanent, TimeSpan.FromTicks(1)));

        var entry = Assert.Single(statistics.GetSnapshot());
        Assert.Equal(10_000, entry.FailuresByCategory[ErrorCategory.Permanent]);
        Assert.Equal(10_000, entry.TotalTime.Ticks);
    }

    [Fact]
    public void AddDefaultParsers_RegistersCacheAndStatistics()
    {
        var services = new ServiceCollection();
        services.AddRagAnything().AddDefaultParsers();
        using var provider = services.BuildServiceProvider();

        Assert.IsType<ParserStatistics>(provider.GetRequiredService<IParserStatistics>());
        Assert.IsType<ParseCache>(provider.GetRequiredService<IParseCache>());
        Assert.IsAssignableFrom<IMediaTypeInspector>(provider.GetRequiredService<IMediaTypeDetector>());
        Assert.Contains(provider.GetServices<IDocumentParser>(), parser => parser is PdfParser);
    }
}
