using RagAnything.Caching;

namespace RagAnything.Core.Tests.Caching;

public sealed class CacheOptionsValidatorTests
{
    [Fact]
    public void Defaults_AreValid()
    {
        Assert.True(new CacheOptionsValidator().Validate(null, new CacheOptions()).Succeeded);
    }

    [Fact]
    public void InvalidValues_AllReported()
    {
        var options = new CacheOptions();
        options.Embedding.MaxMemoryBytes = 0;
        options.Query.Expiration = TimeSpan.Zero;

        var result = new CacheOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, failure => failure.Contains("Caches:Embedding:MaxMemoryBytes", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, failure => failure.Contains("Caches:Query:Expiration", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, failure => failure.Contains("Caches:Query:MemoryExpiration", StringComparison.Ordinal));
    }
}
