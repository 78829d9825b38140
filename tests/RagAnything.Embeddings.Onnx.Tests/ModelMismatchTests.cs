using Microsoft.Extensions.DependencyInjection;
using RagAnything.Content;
using RagAnything.Ingestion;
using RagAnything.Query;
using RagAnything.Storage.InMemory;
using RagAnything.Storage.Vectors;

namespace RagAnything.Embeddings.Onnx.Tests;

/// <summary>
/// Vectors of the float32 and the int8 model must never share a collection, because their cosines are not comparable.
/// </summary>
[Collection(ModelCollection.Name)]
public sealed class ModelMismatchTests(ModelFixture fixture)
{
    [Fact]
    public async Task Int8AfterFloat32_SameStore_RejectedNamingBothModels()
    {
        var store = new InMemoryVectorStore();
        await using (var float32 = CreateServices(store, EmbeddingPrecision.Float32))
        {
            var first = await float32.GetRequiredService<IRagAnything>().IngestContentAsync("bread.json", [new TextItem("A man is eating a piece of bread.")]);

            Assert.Equal(IngestOutcome.Processed, first.Outcome);
        }

        await using var int8 = CreateServices(store, EmbeddingPrecision.Int8);
        var rag = int8.GetRequiredService<IRagAnything>();

        var second = await rag.IngestContentAsync("food.json", [new TextItem("A man is eating food.")]);
        var queryError = await Assert.ThrowsAsync<VectorCollectionMismatchException>(() => rag.RetrieveAsync(new QueryRequest { Query = "Who is eating?" }));

        Assert.Equal(IngestOutcome.Failed, second.Outcome);
        Assert.Contains("model 'all-MiniLM-L6-v2'", second.Error?.Message, StringComparison.Ordinal);
        Assert.Contains("model 'all-MiniLM-L6-v2-int8'", second.Error?.Message, StringComparison.Ordinal);
        Assert.Equal("all-MiniLM-L6-v2", queryError.Existing.ModelId);
        Assert.Equal("all-MiniLM-L6-v2-int8", queryError.Requested.ModelId);
    }

    private ServiceProvider CreateServices(InMemoryVectorStore store, EmbeddingPrecision precision)
    {
        var services = new ServiceCollection();

        // Registered before AddRagAnything, so its in-memory default does not replace the shared instance.
        services.AddSingleton<IVectorStore>(store);
        services.AddRagAnything().AddOnnxEmbeddings(options =>
        {
            options.CacheDirectory = fixture.CacheDirectory;
            options.IntraOpThreads = 2;
            options.Precision = precision;
        });

        return services.BuildServiceProvider();
    }
}
