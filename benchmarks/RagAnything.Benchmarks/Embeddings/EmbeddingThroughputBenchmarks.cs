using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using RagAnything.Embeddings.Onnx;

namespace RagAnything.Benchmarks.Embeddings;

/// <summary>
/// Measures how fast the bundled all-MiniLM-L6-v2 model embeds real SQuAD paragraphs in float32 and in int8, at
/// several batch sizes, with and without sorting inputs by length before batching, and in two thread layouts. The reported time is per text,
/// because each invocation embeds <see cref="TextCount"/> paragraphs; setup prints their token count, so tokens per
/// second is that count divided by <see cref="TextCount"/> and by the mean.
/// </summary>
[MemoryDiagnoser]
public class EmbeddingThroughputBenchmarks
{
    /// <summary>
    /// Paragraphs per invocation: a multiple of every batch size below, so no run ends with a partial batch.
    /// </summary>
    private const int TextCount = 64;

    private OnnxEmbeddingGenerator? _generator;
    private string[] _texts = [];

    /// <summary>Gets or sets the number of texts per model run.</summary>
    [Params(1, 8, 32)]
    public int BatchSize { get; set; }

    /// <summary>Gets or sets the weight precision of the model.</summary>
    [Params(EmbeddingPrecision.Float32, EmbeddingPrecision.Int8)]
    public EmbeddingPrecision Precision { get; set; }

    /// <summary>Gets or sets whether inputs are sorted by token count before batching.</summary>
    [Params(true, false)]
    public bool SortByLength { get; set; }

    /// <summary>Gets or sets how the model runs use the cores.</summary>
    [Params(InferenceLayout.SideBySide, InferenceLayout.OneRunAllCores)]
    public InferenceLayout Layout { get; set; }

    /// <summary>Loads the paragraphs and the model, and runs the model once so that session creation is not measured.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _texts = ReadParagraphs(RepositoryPaths.SquadPassagesPath, TextCount);
        // The token limit is raised to the batch size's full-length inputs, so that the batch size alone cuts batches.
        var options = new OnnxEmbeddingOptions
        {
            BatchSize = BatchSize,
            MaxBatchTokens = BatchSize * OnnxEmbeddingOptions.DefaultMaxSequenceLength,
            Precision = Precision,
            SortByLength = SortByLength,
        };

        if (Layout == InferenceLayout.OneRunAllCores)
        {
            options.InferenceThreads = 1;
            options.IntraOpThreads = Environment.ProcessorCount;
        }

        _generator = new OnnxEmbeddingGenerator(options);

        var warmUp = _generator.GenerateAsync(_texts).GetAwaiter().GetResult();
        Console.WriteLine($"// {TextCount} paragraphs, {warmUp.Usage?.InputTokenCount} tokens per invocation, model {_generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId}");
    }

    /// <summary>Embeds all paragraphs in one call.</summary>
    [Benchmark(OperationsPerInvoke = TextCount)]
    public async Task<int> EmbedParagraphs()
    {
        var embeddings = await _generator!.GenerateAsync(_texts).ConfigureAwait(false);
        return embeddings.Count;
    }

    /// <summary>Releases the inference session.</summary>
    [GlobalCleanup]
    public void Cleanup() => _generator?.Dispose();

    private static string[] ReadParagraphs(string path, int count)
    {
        var paragraphs = new List<string>(count);

        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var text = document.RootElement.GetProperty("text").GetString();
            if (!string.IsNullOrWhiteSpace(text))
            {
                paragraphs.Add(text);
            }

            if (paragraphs.Count == count)
            {
                return [.. paragraphs];
            }
        }

        throw new InvalidDataException($"{path} has {paragraphs.Count} paragraphs, but the benchmark needs {count}.");
    }
}
