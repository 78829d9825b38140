using RagAnything.Embeddings.Onnx.Quantization;
using Xunit.Abstractions;

namespace RagAnything.Embeddings.Onnx.Tests.Quantization;

/// <summary>
/// Accuracy gate on raw sessions: int8 embeddings with the bundled model's quantization settings must point where
/// the float embeddings point, on real text.
/// </summary>
public sealed class QuantizationAccuracyTests
{
    private const int BatchSize = 32;

    // Float all-MiniLM-L6-v2 cosine of the pair below with mean pooling and L2 normalization; the float assertion checks it.
    private const double PairReference = 0.7553;

    // Ids of [CLS] and [SEP] in the vocab.txt shipped with the model.
    private const int ClassificationTokenId = 101;
    private const int SeparatorTokenId = 102;

    private static readonly string[] Pair = ["A man is eating food.", "A man is eating a piece of bread."];

    private readonly ITestOutputHelper _output;

    public QuantizationAccuracyTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Int8_SquadParagraphs_StayCloseToFloat()
    {
        IReadOnlyList<string> paragraphs = SquadParagraphs.Load();
        using SentenceEmbedder floatEmbedder = new(MiniLmModel.ModelPath, MiniLmModel.VocabPath);
        using SentenceEmbedder int8Embedder = new(MiniLmModel.BundledQuantizedModelPath, MiniLmModel.VocabPath);

        List<float> cosines = [];
        foreach (string[] batch in paragraphs.Chunk(BatchSize))
        {
            float[][] expected = floatEmbedder.Embed(batch);
            float[][] actual = int8Embedder.Embed(batch);
            for (int i = 0; i < batch.Length; i++)
            {
                cosines.Add(Cosine(expected[i], actual[i]));
            }
        }

        double mean = cosines.Average();
        float min = cosines.Min();
        _output.WriteLine($"{cosines.Count} paragraphs: mean cosine {mean:F4}, min {min:F4}");
        Assert.True(cosines.Count >= 50, $"Only {cosines.Count} paragraphs were loaded, expected at least 50.");
        Assert.True(mean >= 0.99, $"Mean int8/float cosine {mean:F4} is below 0.99.");
        Assert.True(min >= 0.98, $"Minimum int8/float cosine {min:F4} is below 0.98.");
    }

    [Fact]
    public void Int8_SentencePair_KeepsReferenceSimilarity()
    {
        using SentenceEmbedder floatEmbedder = new(MiniLmModel.ModelPath, MiniLmModel.VocabPath);
        using SentenceEmbedder int8Embedder = new(MiniLmModel.BundledQuantizedModelPath, MiniLmModel.VocabPath);

        float floatSimilarity = PairSimilarity(floatEmbedder);
        float int8Similarity = PairSimilarity(int8Embedder);

        _output.WriteLine($"float {floatSimilarity:F4}, int8 {int8Similarity:F4}");
        Assert.InRange(floatSimilarity, PairReference - 0.001, PairReference + 0.001);

        Assert.InRange(int8Similarity, PairReference - 0.01, PairReference + 0.01);
    }

    [Fact]
    public void MatMulNBits_SquadParagraphs_StayCloserToFloat()
    {
        IReadOnlyList<string> paragraphs = SquadParagraphs.Load();
        string path = Path.Combine(Path.GetDirectoryName(MiniLmModel.ModelPath)!, "model.int8-nbits.onnx");
        File.WriteAllBytes(path, new OnnxDynamicQuantizer(new QuantizationOptions { Operator = QuantizedOperator.MatMulNBits }).Quantize(MiniLmModel.ModelBytes).Model.Span);
        using SentenceEmbedder floatEmbedder = new(MiniLmModel.ModelPath, MiniLmModel.VocabPath);
        using SentenceEmbedder int8Embedder = new(path, MiniLmModel.VocabPath);

        List<float> cosines = [];
        foreach (string[] batch in paragraphs.Chunk(BatchSize))
        {
            float[][] expected = floatEmbedder.Embed(batch);
            float[][] actual = int8Embedder.Embed(batch);
            for (int i = 0; i < batch.Length; i++)
            {
                cosines.Add(Cosine(expected[i], actual[i]));
            }
        }

        float pair = PairSimilarity(int8Embedder);

        // Measured 0.9997 / 0.9995 and 0.7544 with ONNX Runtime 1.32 on an AVX-512 VNNI CPU. The bounds leave room
        // for other CPUs while staying above what DynamicQuantizeMatMul reaches with the bundled settings (0.9987).
        double mean = cosines.Average();
        float min = cosines.Min();
        _output.WriteLine($"MatMulNBits, blocks of 32: {cosines.Count} paragraphs mean cosine {mean:F4}, min {min:F4}, pair {pair:F4}");
        Assert.True(mean >= 0.999, $"Mean MatMulNBits/float cosine {mean:F4} is below 0.999.");
        Assert.True(min >= 0.998, $"Minimum MatMulNBits/float cosine {min:F4} is below 0.998.");
        Assert.InRange(pair, PairReference - 0.005, PairReference + 0.005);
    }

    [Fact]
    public void Int8AllNodes_SentencePair_DriftsPastTolerance()
    {
        using SentenceEmbedder int8Embedder = new(MiniLmModel.QuantizedModelPath, MiniLmModel.VocabPath);

        float similarity = PairSimilarity(int8Embedder);

        // Without smoothing or float outlier channels, quantizing every node moves this pair by more than 0.01 (0.7723
        // with ONNX Runtime 1.32 on an AVX-512 VNNI CPU), which is why the bundled settings treat the inputs. If this
        // starts to fail, the runtime's activation quantization has improved and the treatment may no longer be needed.
        _output.WriteLine($"int8, every node quantized {similarity:F4}");
        Assert.True(Math.Abs(similarity - PairReference) > 0.01, $"Fully quantized cosine {similarity:F4} is within 0.01 of {PairReference}.");
    }

    [Fact]
    public void Int8Weights_SentencePair_KeepsReferenceSimilarity()
    {
        string dequantizedPath = Path.Combine(Path.GetDirectoryName(MiniLmModel.QuantizedModelPath)!, "model.dequantized.onnx");
        File.WriteAllBytes(dequantizedPath, DequantizedModel.Build(MiniLmModel.Quantized.Model.Span));
        using SentenceEmbedder embedder = new(dequantizedPath, MiniLmModel.VocabPath);

        float similarity = PairSimilarity(embedder);

        _output.WriteLine($"int8 weights with float activations {similarity:F4}");
        Assert.InRange(similarity, PairReference - 0.002, PairReference + 0.002);
    }

    [Fact]
    public void Tokenize_LongParagraph_TruncatesToMaxTokens()
    {
        using SentenceEmbedder embedder = new(MiniLmModel.ModelPath, MiniLmModel.VocabPath);
        string longText = string.Join(' ', Enumerable.Repeat("The Normans gave their name to Normandy.", 100));

        IReadOnlyList<int> ids = embedder.Tokenize(longText);

        // The tokenizer stops before a word whose pieces would not all fit, so a few slots may stay unused.
        Assert.InRange(ids.Count, SentenceEmbedder.MaxTokens - 8, SentenceEmbedder.MaxTokens);
        Assert.Equal(ClassificationTokenId, ids[0]);
        Assert.Equal(SeparatorTokenId, ids[^1]);
    }

    private static float PairSimilarity(SentenceEmbedder embedder)
    {
        float[][] embeddings = embedder.Embed(Pair);
        return Cosine(embeddings[0], embeddings[1]);
    }

    private static float Cosine(float[] left, float[] right)
    {
        double dot = 0;
        double leftNorm = 0;
        double rightNorm = 0;
        for (int i = 0; i < left.Length; i++)
        {
            dot += (double)left[i] * right[i];
            leftNorm += (double)left[i] * left[i];
            rightNorm += (double)right[i] * right[i];
        }

        return (float)(dot / Math.Sqrt(leftNorm * rightNorm));
    }
}
