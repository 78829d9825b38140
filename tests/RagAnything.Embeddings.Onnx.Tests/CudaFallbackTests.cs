using Microsoft.Extensions.Logging;

namespace RagAnything.Embeddings.Onnx.Tests;

[Collection(ModelCollection.Name)]
public sealed class CudaFallbackTests(ModelFixture fixture)
{
    [Fact]
    public async Task UseCuda_NoCudaProvider_EmbedsOnCpuAndWarns()
    {
        // The test project references the CPU-only ONNX Runtime package, so the CUDA provider can never be created.
        var logger = new EventRecordingLogger<OnnxEmbeddingGenerator>();
        var options = fixture.CreateOptions();
        options.UseCuda = true;
        using var generator = new OnnxEmbeddingGenerator(options, logger);

        var embeddings = await generator.GenerateAsync(["A man is eating food.", "A man is eating a piece of bread."]);
        var expected = await fixture.Generator.GenerateAsync(["A man is eating food.", "A man is eating a piece of bread."]);

        Assert.Contains((6007, LogLevel.Warning), logger.Events);
        Assert.True(VectorMath.Cosine(expected[0].Vector, embeddings[0].Vector) > 0.9999);
        Assert.True(VectorMath.Cosine(expected[1].Vector, embeddings[1].Vector) > 0.9999);
    }
}
