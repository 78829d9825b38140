using Microsoft.Extensions.AI;
using Xunit.Abstractions;

namespace RagAnything.Embeddings.Onnx.Tests;

[Collection(ModelCollection.Name)]
public sealed class OnnxEmbeddingGeneratorTests(ModelFixture fixture, ITestOutputHelper output)
{
    // The cosine of this pair with all-MiniLM-L6-v2 in the sentence-transformers Python library.
    private const double ReferenceCosine = 0.7553;

    private static readonly string[] MixedLengthTexts =
    [
        "Short.",
        "A man is eating food.",
        "The Normans were the people who in the 10th and 11th centuries gave their name to Normandy, a region in France.",
        "",
        "Embeddings map text to vectors so that similar meanings lie close together.",
        "Rain.",
        "Mean pooling averages the token states that the attention mask marks as real tokens, ignoring the padding.",
    ];

    private readonly OnnxEmbeddingGenerator _generator = fixture.Generator;

    [Fact]
    public async Task Generate_ReferencePair_MatchesSentenceTransformers()
    {
        var embeddings = await _generator.GenerateAsync(["A man is eating food.", "A man is eating a piece of bread."]);

        double cosine = VectorMath.Cosine(embeddings[0].Vector, embeddings[1].Vector);
        output.WriteLine($"cosine = {cosine:F6}");

        Assert.InRange(cosine, ReferenceCosine - 0.002, ReferenceCosine + 0.002);
    }

    [Fact]
    public async Task Generate_AnyText_ReturnsUnitVectorsOf384()
    {
        var embeddings = await _generator.GenerateAsync(MixedLengthTexts);

        Assert.Equal(MixedLengthTexts.Length, embeddings.Count);
        foreach (var embedding in embeddings)
        {
            Assert.Equal(384, embedding.Vector.Length);
            Assert.InRange(VectorMath.Norm(embedding.Vector), 1 - 1e-5, 1 + 1e-5);
            Assert.Equal(OnnxEmbeddingOptions.BundledModelId, embedding.ModelId);
        }
    }

    [Fact]
    public async Task Generate_DifferentTexts_ReturnsDifferentVectors()
    {
        var embeddings = await _generator.GenerateAsync(["The stock market fell sharply today.", "A man is eating food."]);

        Assert.InRange(VectorMath.Cosine(embeddings[0].Vector, embeddings[1].Vector), -1, 0.5);
    }

    [Fact]
    public async Task Generate_AnyBatchComposition_MatchesSingleResults()
    {
        var singles = new List<Embedding<float>>();
        foreach (var text in MixedLengthTexts)
        {
            singles.Add((await _generator.GenerateAsync([text]))[0]);
        }

        using var smallBatches = new OnnxEmbeddingGenerator(fixture.CreateOptions(batchSize: 3));
        var inOrder = await smallBatches.GenerateAsync(MixedLengthTexts);
        var reversed = await smallBatches.GenerateAsync(MixedLengthTexts.Reverse());
        var oneBatch = await _generator.GenerateAsync(MixedLengthTexts);

        for (int index = 0; index < MixedLengthTexts.Length; index++)
        {
            int reversedIndex = MixedLengthTexts.Length - 1 - index;
            Assert.True(VectorMath.Cosine(singles[index].Vector, inOrder[index].Vector) > 0.9999, $"in order, text {index}");
            Assert.True(VectorMath.Cosine(singles[index].Vector, reversed[reversedIndex].Vector) > 0.9999, $"reversed, text {index}");
            Assert.True(VectorMath.Cosine(singles[index].Vector, oneBatch[index].Vector) > 0.9999, $"one batch, text {index}");
        }
    }

    [Fact]
    public async Task Generate_FiveThousandWords_Truncates()
    {
        string[] words = ["the", "river", "flows", "past", "old", "stone", "houses", "and", "green", "fields"];
        string longText = string.Join(' ', Enumerable.Range(0, 5000).Select(index => words[index % words.Length]));
        string prefix = string.Join(' ', longText.Split(' ').Take(400));

        var embeddings = await _generator.GenerateAsync([longText, prefix]);

        // Both texts are longer than 256 tokens, so both are cut to the same first 256 tokens.
        Assert.Equal(384, embeddings[0].Vector.Length);
        Assert.InRange(VectorMath.Norm(embeddings[0].Vector), 1 - 1e-5, 1 + 1e-5);
        Assert.True(VectorMath.Cosine(embeddings[0].Vector, embeddings[1].Vector) > 0.9999);
        Assert.Equal(2 * OnnxEmbeddingOptions.DefaultMaxSequenceLength, embeddings.Usage?.InputTokenCount);
    }

    [Fact]
    public async Task Generate_EmptyString_EmbedsSpecialTokensOnly()
    {
        var embeddings = await _generator.GenerateAsync(["", "   "]);

        // Whitespace tokenizes to nothing as well, so both inputs are [CLS] [SEP].
        Assert.Equal(2, embeddings.Usage?.InputTokenCount / 2);
        Assert.InRange(VectorMath.Norm(embeddings[0].Vector), 1 - 1e-5, 1 + 1e-5);
        Assert.True(VectorMath.Cosine(embeddings[0].Vector, embeddings[1].Vector) > 0.9999);
    }

    [Fact]
    public async Task Generate_NoInputs_ReturnsEmpty()
    {
        var embeddings = await _generator.GenerateAsync([]);

        Assert.Empty(embeddings);
    }

    [Fact]
    public async Task Generate_NullInput_ThrowsNamingIndex()
    {
        var exception = await Assert.ThrowsAsync<ArgumentException>(() => _generator.GenerateAsync(["text", null!]));

        Assert.Contains("index 1", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_CancelledToken_Throws()
    {
        using var source = new CancellationTokenSource();
        await source.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _generator.GenerateAsync(["A man is eating food."], cancellationToken: source.Token));
    }

    [Fact]
    public async Task Generate_CancelledBeforeFirstBatch_StopsBetweenBatches()
    {
        using var source = new CancellationTokenSource();

        // The session-created event (6002) fires in the call's first work item, which creates the session and then
        // tokenizes, so all 50 batches are queued with a cancelled token and none of them runs.
        var logger = new CancellingLogger<OnnxEmbeddingGenerator>(6002, source);
        using var generator = new OnnxEmbeddingGenerator(fixture.CreateOptions(batchSize: 1), logger);
        var texts = Enumerable.Range(0, 50).Select(index => $"Sentence number {index}.").ToList();

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => generator.GenerateAsync(texts, cancellationToken: source.Token));
        Assert.Equal(source.Token, exception.CancellationToken);
    }

    [Fact]
    public async Task GetService_AfterFirstRun_ReturnsMetadata()
    {
        await _generator.GenerateAsync(["warm-up"]);

        var metadata = _generator.GetService<EmbeddingGeneratorMetadata>();

        Assert.NotNull(metadata);
        Assert.Equal("onnx", metadata.ProviderName);
        Assert.Equal("all-MiniLM-L6-v2", metadata.DefaultModelId);
        Assert.Equal(384, metadata.DefaultModelDimensions);
    }

    [Fact]
    public void GetService_BeforeFirstUse_LoadsNothing()
    {
        using var cache = new TemporaryDirectory();
        using var generator = new OnnxEmbeddingGenerator(new OnnxEmbeddingOptions { CacheDirectory = cache.Path });

        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();

        // The bundled model runs in int8 unless float32 is asked for.
        Assert.Equal("all-MiniLM-L6-v2-int8", metadata?.DefaultModelId);
        Assert.Equal(EmbeddingPrecision.Int8, generator.Precision);
        Assert.Null(metadata?.DefaultModelDimensions);
        Assert.Empty(Directory.EnumerateFileSystemEntries(cache.Path));
    }

    [Fact]
    public async Task Generate_CustomModelPath_MatchesBundledModel()
    {
        var bundled = await _generator.GenerateAsync(["A man is eating food."]);
        string folder = Directory.GetDirectories(fixture.CacheDirectory).Single();
        var options = new OnnxEmbeddingOptions
        {
            ModelPath = Path.Combine(folder, "model.onnx"),
            VocabularyPath = Path.Combine(folder, "vocab.txt"),
            ModelId = "custom-minilm",
            IntraOpThreads = 2,
        };

        using var generator = new OnnxEmbeddingGenerator(options);
        var custom = await generator.GenerateAsync(["A man is eating food."]);

        // A custom model runs in float32 unless int8 is asked for, because its int8 version is not measured.
        Assert.Equal("custom-minilm", custom[0].ModelId);
        Assert.Equal(EmbeddingPrecision.Float32, generator.Precision);
        Assert.True(VectorMath.Cosine(bundled[0].Vector, custom[0].Vector) > 0.9999);
    }

    [Fact]
    public async Task Generate_InvalidCodePoints_EmbedsReplacementCharacter()
    {
        // Unicode normalization in the tokenizer rejects lone surrogates and U+FFFE, which real inputs can contain.
        string[] texts = ["Opening hours \uD800 from nine", "Opening hours \uFFFE from nine"];

        var embeddings = await _generator.GenerateAsync(texts);
        var repaired = await _generator.GenerateAsync(["Opening hours \uFFFD from nine"]);

        Assert.True(VectorMath.Cosine(repaired[0].Vector, embeddings[0].Vector) > 0.9999);
        Assert.True(VectorMath.Cosine(repaired[0].Vector, embeddings[1].Vector) > 0.9999);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsNamingSetting()
    {
        var exception = Assert.Throws<ArgumentException>(() => new OnnxEmbeddingGenerator(new OnnxEmbeddingOptions { BatchSize = 0 }));

        Assert.Contains("BatchSize is 0", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_RepeatedTexts_EmbedsOnceAndCopies()
    {
        var logger = new EventRecordingLogger<OnnxEmbeddingGenerator>();
        using var generator = new OnnxEmbeddingGenerator(fixture.CreateOptions(), logger);
        string[] texts = ["A man is eating food.", "Rain.", "A man is eating food.", "A man is eating food."];

        var embeddings = await generator.GenerateAsync(texts);
        var single = await generator.GenerateAsync(["Rain."]);

        // 6008 reports the skipped repeats, so the repeated text did reach the de-duplication.
        Assert.Contains(logger.Events, logged => logged.EventId == 6008);
        Assert.Equal(4, embeddings.Count);
        Assert.Equal(embeddings[0].Vector.ToArray(), embeddings[2].Vector.ToArray());
        Assert.Equal(embeddings[0].Vector.ToArray(), embeddings[3].Vector.ToArray());
        Assert.False(embeddings[0].Vector.Span.Overlaps(embeddings[2].Vector.Span), "Repeated texts share one array.");
        Assert.True(VectorMath.Cosine(single[0].Vector, embeddings[1].Vector) > 0.9999);

        // Usage counts every input: 8 tokens for each food sentence, 4 for "Rain." ([CLS] rain . [SEP]).
        Assert.Equal((3 * 8) + 4, embeddings.Usage?.InputTokenCount);
    }

    [Fact]
    public async Task Generate_SmallTokenLimit_MatchesOneBatch()
    {
        // Several of the texts are longer than 16 tokens, so they run alone, and the shortest share runs.
        var options = fixture.CreateOptions();
        options.MaxBatchTokens = 16;
        using var limited = new OnnxEmbeddingGenerator(options);

        var expected = await _generator.GenerateAsync(MixedLengthTexts);
        var actual = await limited.GenerateAsync(MixedLengthTexts);

        for (int index = 0; index < MixedLengthTexts.Length; index++)
        {
            Assert.True(VectorMath.Cosine(expected[index].Vector, actual[index].Vector) > 0.9999, $"text {index}");
        }
    }
}
