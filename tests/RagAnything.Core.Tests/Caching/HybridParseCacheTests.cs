using Microsoft.Extensions.Options;
using RagAnything.Caching;
using RagAnything.Content;

namespace RagAnything.Core.Tests.Caching;

public sealed class HybridParseCacheTests
{
    [Fact]
    public async Task StoredDocument_ReturnedWithItsItems()
    {
        using var registry = new CacheRegistry(Options.Create(new CacheOptions()), TimeProvider.System);
        var cache = new HybridParseCache(registry);
        var document = new ParsedDocument
        {
            SourceName = "a.md",
            MediaType = "text/markdown",
            Sha256 = new string('a', 64),
            PageCount = 1,
            Items = [new TextItem("Hello.")],
        };

        Assert.Null(await cache.GetAsync("key"));
        await cache.SetAsync("key", document);
        var stored = await cache.GetAsync("key");

        Assert.NotNull(stored);
        Assert.Equal("a.md", stored.SourceName);
        Assert.Equal("Hello.", Assert.IsType<TextItem>(Assert.Single(stored.Items)).Text);
        Assert.Equal(1, cache.Hits);
        Assert.Equal(1, cache.Misses);
    }
}
