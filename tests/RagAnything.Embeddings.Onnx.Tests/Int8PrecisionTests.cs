using Microsoft.Extensions.AI;
using RagAnything.Embeddings.Onnx.Tests.Quantization;
using Xunit.Abstractions;

namespace RagAnything.Embeddings.Onnx.Tests;

/// <summary>
/// The vector accuracy gate of int8 precision, run through the generator as applications use it.
/// </summary>
[Collection(ModelCollection.Name)]
public sealed class Int8PrecisionTests(ModelFixture fixture, ITestOutputHelper output)
{
    // The cosine of this pair with all-MiniLM-L6-v2 in the sentence-transformers Python library.
    private const double ReferenceCosine = 0.7553;

    [Fact]
    public async Task Int8_ReferencePair_WithinHundredthOfReference()
    {
        using var generator = new OnnxEmbeddingGenerator(fixture.CreateOptions(precision: EmbeddingPrecision.Int8));

        var together = await generator.GenerateAsync(["A man is eating food.", "A man is eating a piece of bread."]);
        var first = await generator.GenerateAsync(["A man is eating food."]);
        var second = await generator.GenerateAsync(["A man is eating a piece of bread."]);

        // Run-time activation quantization depends on the batch, so the pair is checked in one batch and one at a time.
        double batched = VectorMath.Cosine(together[0].Vector, together[1].Vector);
        double separate = VectorMath.Cosine(first[0].Vector, second[0].Vector);
        output.WriteLine($"int8 cosine: one batch {batched:F4}, one at a time {separate:F4}");
        Assert.InRange(batched, ReferenceCosine - 0.01, ReferenceCosine + 0.01);
        Assert.InRange(separate, ReferenceCosine - 0.01, ReferenceCosine + 0.01);
    }

    [Fact]
    public async Task Int8_SquadParagraphs_StayCloseToFloat32()
    {
        IReadOnlyList<string> paragraphs = SquadParagraphs.Load();
        using var int8 = new OnnxEmbeddingGenerator(fixture.CreateOptions(precision: EmbeddingPrecision.Int8));

        var expected = await fixture.Generator.GenerateAsync(paragraphs);
        var actual = await int8.GenerateAsync(paragraphs);

        var cosines = expected.Zip(actual, (left, right) => VectorMath.Cosine(left.Vector, right.Vector)).ToList();
        double mean = cosines.Average();
        double min = cosines.Min();
        output.WriteLine($"{cosines.Count} paragraphs: mean cosine {mean:F4}, min {min:F4}");
        Assert.Equal(126, cosines.Count);
        Assert.True(mean >= 0.99, $"Mean int8/float32 cosine {mean:F4} is below 0.99.");
        Assert.True(min >= 0.98, $"Minimum int8/float32 cosine {min:F4} is below 0.98.");
    }

    [Fact]
    public async Task Int8_Metadata_NamesInt8Model()
    {
        using var generator = new OnnxEmbeddingGenerator(fixture.CreateOptions(precision: EmbeddingPrecision.Int8));

        var embeddings = await generator.GenerateAsync(["A man is eating food."]);
        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();

        Assert.Equal(EmbeddingPrecision.Int8, generator.Precision);
        Assert.Equal("all-MiniLM-L6-v2-int8", metadata?.DefaultModelId);
        Assert.Equal(384, metadata?.DefaultModelDimensions);
        Assert.Equal("all-MiniLM-L6-v2-int8", embeddings[0].ModelId);
        Assert.Equal(EmbeddingPrecision.Float32, fixture.Generator.Precision);
        Assert.Equal("all-MiniLM-L6-v2", fixture.Generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId);
    }

    [Fact]
    public async Task Int8_LaterStart_ReusesQuantizedModel()
    {
        using var cache = new TemporaryDirectory();
        var options = new OnnxEmbeddingOptions { CacheDirectory = cache.Path, IntraOpThreads = 2, Precision = EmbeddingPrecision.Int8 };
        string int8Folder = Path.Combine(cache.Path, "int8");

        using (var first = new OnnxEmbeddingGenerator(options))
        {
            Assert.False(Directory.Exists(int8Folder), "The int8 model was written before the first embedding call.");
            await first.GenerateAsync(["warm-up"]);
        }

        string quantized = Assert.Single(Directory.GetFiles(int8Folder));
        Assert.Matches(@"^[0-9a-f]{16}\.int8-v3-x[0-9a-f]{8}\.onnx$", Path.GetFileName(quantized));

        // A later start that rewrote the file would stamp the current time over this one.
        var marker = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(quantized, marker);
        using (var second = new OnnxEmbeddingGenerator(options))
        {
            await second.GenerateAsync(["warm-up"]);
        }

        Assert.Equal([quantized], Directory.GetFiles(int8Folder));
        Assert.Equal(marker, File.GetLastWriteTimeUtc(quantized));
    }
}
