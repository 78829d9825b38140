namespace RagAnything.Embeddings.Onnx.Tests;

/// <summary>
/// One extraction of the bundled model and one loaded float32 generator, shared by the tests that need the real model,
/// because each load takes about a second. The float32 generator is the one whose vectors match sentence-transformers.
/// </summary>
public sealed class ModelFixture : IDisposable
{
    private readonly TemporaryDirectory _cache = new();

    public ModelFixture()
    {
        Generator = new OnnxEmbeddingGenerator(CreateOptions());
    }

    public OnnxEmbeddingGenerator Generator { get; }

    public string CacheDirectory => _cache.Path;

    /// <summary>Creates options over this fixture's cache folder, so further generators reuse its extraction.</summary>
    public OnnxEmbeddingOptions CreateOptions(int batchSize = OnnxEmbeddingOptions.DefaultBatchSize, EmbeddingPrecision precision = EmbeddingPrecision.Float32) =>
        new() { CacheDirectory = _cache.Path, BatchSize = batchSize, Precision = precision };

    public void Dispose()
    {
        Generator.Dispose();
        _cache.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ModelCollection : ICollectionFixture<ModelFixture>
{
    public const string Name = "Bundled model";
}
