using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.ML.Tokenizers;
using RagAnything.Embeddings.Onnx;
using RagAnything.Ingestion;
using RagAnything.Parsing;
using RagAnything.Storage;
using RagAnything.Storage.KeyValue;

namespace RagAnything.Benchmarks.Ingestion;

/// <summary>
/// End-to-end ingestion measurements on the embedded defaults (SQLite and the bundled ONNX model).
/// </summary>
/// <remarks>
/// <c>corpus</c> ingests the text and PDF files of the shared corpus and the evaluation documents, then embeds the
/// same chunk texts with the raw model, and reports pipeline tokens per second over the model's own.
/// <c>small</c> ingests generated 1–2 KB documents and reports documents per hour, status writes per document and
/// the peak working set; with <c>--raw</c> it then embeds the same chunks with the raw fp32 and int8 models.
/// </remarks>
internal static class IngestionHarness
{
    private const int ModelMaxTokens = 256;

    public static async Task<int> RunAsync(string[] args)
    {
        var scenario = args.Length > 0 ? args[0] : "corpus";
        var graph = ReadOption(args, "--graph", "off") == "on";
        var count = int.Parse(ReadOption(args, "--count", "2000"), CultureInfo.InvariantCulture);
        var precisionName = ReadOption(args, "--precision", "fp32");
        var compareRaw = args.Contains("--raw");
        var warmUpCount = int.Parse(ReadOption(args, "--warm-up", "0"), CultureInfo.InvariantCulture);

        EmbeddingPrecision precision;
        switch (precisionName)
        {
            case "fp32":
                precision = EmbeddingPrecision.Float32;
                break;
            case "int8":
                precision = EmbeddingPrecision.Int8;
                break;
            default:
                return Usage();
        }

        return scenario switch
        {
            "corpus" => await RunCorpusAsync(graph).ConfigureAwait(false),
            "small" => await RunSmallAsync(count, graph, precision, compareRaw, warmUpCount).ConfigureAwait(false),
            _ => Usage(),
        };
    }

    private static async Task<int> RunCorpusAsync(bool graph)
    {
        var files = CorpusFiles();
        var storeDirectory = Directory.CreateTempSubdirectory("rag-bench-");
        try
        {
            using var counters = new PipelineCounters();
            var modelTime = new ModelTimeRecorder();
            await using var provider = CreateServices(storeDirectory.FullName, graph, EmbeddingPrecision.Float32, modelTime);
            var rag = provider.GetRequiredService<IRagAnything>();

            // Load the model before timing, as a running service would have.
            await provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>().GenerateAsync(["warm-up"]).ConfigureAwait(false);

            await using var sampler = new WorkingSetSampler();
            var cpuBefore = ThreadCpuTimes.Read();
            var watch = Stopwatch.StartNew();
            var outcomes = new Dictionary<IngestOutcome, int>();
            await foreach (var result in rag.IngestFilesAsync(files).ConfigureAwait(false))
            {
                outcomes[result.Outcome] = outcomes.GetValueOrDefault(result.Outcome) + 1;
            }

            var pipelineSeconds = watch.Elapsed.TotalSeconds;
            var modelBusySeconds = modelTime.Busy.TotalSeconds;
            var cpu = ThreadCpuTimes.Read() - cpuBefore;
            var texts = await ReadChunkTextsAsync(provider.GetRequiredService<IKeyValueStore>()).ConfigureAwait(false);
            var tokenizer = provider.GetRequiredService<Tokenizer>();
            var tokens = texts.Sum(text => ModelTokens(tokenizer, text));

            Console.WriteLine($"Ingested {files.Count} files: {string.Join(", ", outcomes.Select(pair => $"{pair.Value} {pair.Key}"))}; {texts.Count} chunks, {tokens:N0} model tokens.");
            Console.WriteLine($"Pipeline: {pipelineSeconds:0.0} s, {tokens / pipelineSeconds:N0} tokens/s, peak working set {sampler.PeakBytes / 1048576.0:N0} MiB (graph {(graph ? "on" : "off")}).");

            var best = 0.0;
            foreach (var (layout, options) in RawModelLayouts(EmbeddingPrecision.Float32))
            {
                var seconds = await TimeRawModelAsync(options, texts).ConfigureAwait(false);
                best = Math.Max(best, tokens / seconds);
                Console.WriteLine($"Raw model, {layout}: {seconds:0.0} s, {tokens / seconds:N0} tokens/s.");
            }

            var ratio = tokens / pipelineSeconds / best;
            Console.WriteLine();
            Console.WriteLine("| measure | value |");
            Console.WriteLine("|---|---|");
            Console.WriteLine($"| files / chunks / model tokens | {files.Count} / {texts.Count} / {tokens:N0} |");
            Console.WriteLine($"| pipeline tokens/s (whole ingest, wall clock) | {tokens / pipelineSeconds:N0} |");
            Console.WriteLine($"| raw model tokens/s (faster layout) | {best:N0} |");
            Console.WriteLine($"| pipeline / raw model | {ratio:0.00} |");
            Console.WriteLine($"| peak working set | {sampler.PeakBytes / 1048576.0:N0} MiB |");
            Console.WriteLine($"| model call time during the pipeline pass, summed over overlapping calls | {modelBusySeconds:0.0} s in {pipelineSeconds:0.0} s ({modelBusySeconds / pipelineSeconds:P0}, {modelTime.Calls:N0} calls) |");
            if (cpu is { } used)
            {
                Console.WriteLine($"| CPU time during the pipeline pass: inference threads / other threads / OCR processes | {used.Model.TotalSeconds:0.0} s / {used.Other.TotalSeconds:0.0} s / {used.Children.TotalSeconds:0.0} s |");
            }

            foreach (var (stage, seconds) in counters.StageSeconds.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                Console.WriteLine($"| documents' time in stage {stage}, summed | {seconds:0.0} s |");
            }

            return 0;
        }
        finally
        {
            storeDirectory.Delete(recursive: true);
        }
    }

    private static async Task<int> RunSmallAsync(int count, bool graph, EmbeddingPrecision precision, bool compareRaw, int warmUpCount)
    {
        if (warmUpCount > 0)
        {
            await WarmUpAsync(warmUpCount, graph, precision).ConfigureAwait(false);
        }

        var storeDirectory = Directory.CreateTempSubdirectory("rag-bench-");
        try
        {
            using var counters = new PipelineCounters();
            await using var provider = CreateServices(storeDirectory.FullName, graph, precision);
            var rag = provider.GetRequiredService<IRagAnything>();
            await provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>().GenerateAsync(["warm-up"]).ConfigureAwait(false);
            var documents = SmallDocumentGenerator.Generate(count).ToList();
            var bytes = documents.Sum(document => (long)document.Content.Length);

            await using var sampler = new WorkingSetSampler();
            var cpuBefore = ThreadCpuTimes.Read();
            var watch = Stopwatch.StartNew();
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = 128 };
            var processed = 0;
            var failed = 0;
            await Parallel.ForEachAsync(documents, parallel, async (document, token) =>
            {
                var result = await rag.IngestAsync(new DocumentSource(document.Name, document.Content), token).ConfigureAwait(false);
                Interlocked.Increment(ref result.Outcome == IngestOutcome.Processed ? ref processed : ref failed);
            }).ConfigureAwait(false);

            var seconds = watch.Elapsed.TotalSeconds;
            var cpu = ThreadCpuTimes.Read() - cpuBefore;
            var statusWrites = counters.StatusWrites;
            Console.WriteLine();
            Console.WriteLine("| measure | value |");
            Console.WriteLine("|---|---|");
            Console.WriteLine($"| documents (processed / failed) | {processed} / {failed} ({bytes / 1024:N0} KiB) |");
            Console.WriteLine($"| knowledge graph stage | {(graph ? "on" : "off")} |");
            Console.WriteLine($"| wall time | {seconds:0.0} s |");
            Console.WriteLine($"| documents per hour | {count / seconds * 3600:N0} |");
            Console.WriteLine($"| embedding model calls | {counters.EmbeddingBatches:N0} ({(double)count / Math.Max(1, counters.EmbeddingBatches):0.0} documents per call) |");
            Console.WriteLine($"| status-store writes per document | {(double)statusWrites / count:0.000} |");
            Console.WriteLine($"| peak working set | {sampler.PeakBytes / 1048576.0:N0} MiB |");
            Console.WriteLine($"| model precision | {precision} |");
            if (cpu is { } used)
            {
                Console.WriteLine($"| CPU time: inference threads / other threads | {used.Model.TotalSeconds:0.0} s / {used.Other.TotalSeconds:0.0} s |");
            }

            if (compareRaw)
            {
                await CompareWithRawModelsAsync(provider, count, seconds).ConfigureAwait(false);
            }

            return failed == 0 ? 0 : 1;
        }
        finally
        {
            storeDirectory.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Ingests other generated documents into a store of their own, so that the timed run starts with the pipeline's
    /// code compiled as in a service that has been running for a while, and not with the just-in-time compiler busy.
    /// </summary>
    private static async Task WarmUpAsync(int count, bool graph, EmbeddingPrecision precision)
    {
        var storeDirectory = Directory.CreateTempSubdirectory("rag-bench-warm-up-");
        try
        {
            await using var provider = CreateServices(storeDirectory.FullName, graph, precision);
            var rag = provider.GetRequiredService<IRagAnything>();
            var watch = Stopwatch.StartNew();
            await Parallel.ForEachAsync(SmallDocumentGenerator.Generate(count, seed: 91), async (document, token) =>
                await rag.IngestAsync(new DocumentSource(document.Name, document.Content), token).ConfigureAwait(false)).ConfigureAwait(false);

            Console.WriteLine($"Warm-up: {count} other documents in {watch.Elapsed.TotalSeconds:0.0} s, not counted.");
        }
        finally
        {
            storeDirectory.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Embeds the ingested chunk texts again with the raw fp32 and int8 models, one after the other in this process, and
    /// prints the pipeline's documents per hour over each model's: how many documents per hour the model alone
    /// would embed. Each model runs in two layouts, and the faster one counts.
    /// </summary>
    private static async Task CompareWithRawModelsAsync(ServiceProvider provider, int count, double pipelineSeconds)
    {
        var texts = await ReadChunkTextsAsync(provider.GetRequiredService<IKeyValueStore>()).ConfigureAwait(false);
        var pipelinePerHour = count / pipelineSeconds * 3600;

        Console.WriteLine($"| chunks embedded by the raw models | {texts.Count:N0} |");
        foreach (var rawPrecision in new[] { EmbeddingPrecision.Float32, EmbeddingPrecision.Int8 })
        {
            var best = 0.0;
            foreach (var (layout, options) in RawModelLayouts(rawPrecision))
            {
                var seconds = await TimeRawModelAsync(options, texts).ConfigureAwait(false);
                var rawPerHour = count / seconds * 3600;
                best = Math.Max(best, rawPerHour);
                Console.WriteLine($"| raw {rawPrecision} model alone, {layout}: {seconds:0.0} s, documents per hour | {rawPerHour:N0} |");
            }

            Console.WriteLine($"| pipeline / raw {rawPrecision} model (faster layout) | {pipelinePerHour / best:0.00} |");
        }
    }

    // The library's defaults, and the layout they replaced: one run at a time over all cores, in batches of 32.
    private static IEnumerable<(string Layout, OnnxEmbeddingOptions Options)> RawModelLayouts(EmbeddingPrecision precision)
    {
        yield return ("defaults", new OnnxEmbeddingOptions { Precision = precision });
        yield return ("one run over all cores, batches of 32", new OnnxEmbeddingOptions
        {
            Precision = precision,
            InferenceThreads = 1,
            IntraOpThreads = Environment.ProcessorCount,
            MaxBatchTokens = 32 * OnnxEmbeddingOptions.DefaultMaxSequenceLength,
        });
    }

    private static async Task<double> TimeRawModelAsync(OnnxEmbeddingOptions options, IReadOnlyList<string> texts)
    {
        using var generator = new OnnxEmbeddingGenerator(options);
        await generator.GenerateAsync(["warm-up"]).ConfigureAwait(false);

        var watch = Stopwatch.StartNew();
        await generator.GenerateAsync(texts).ConfigureAwait(false);
        return watch.Elapsed.TotalSeconds;
    }

    private static ServiceProvider CreateServices(string storeDirectory, bool graph, EmbeddingPrecision precision, ModelTimeRecorder? modelTime = null)
    {
        var services = new ServiceCollection();
        if (modelTime is not null)
        {
            services.AddLogging(logging => logging
                .SetMinimumLevel(LogLevel.Warning)
                .AddFilter("RagAnything.Embeddings.Onnx", LogLevel.Debug)
                .AddProvider(modelTime));
        }

        services.AddRagAnything(options =>
            {
                options.Ingestion.BuildKnowledgeGraph = graph;
                if (Environment.GetEnvironmentVariable("RAG_BENCH_EMBEDDING_BATCH") is { } batch)
                {
                    options.Ingestion.EmbeddingBatchSize = int.Parse(batch, CultureInfo.InvariantCulture);
                }

                if (Environment.GetEnvironmentVariable("RAG_BENCH_EMBED_WORKERS") is { } workers)
                {
                    options.Ingestion.EmbedStageWorkers = int.Parse(workers, CultureInfo.InvariantCulture);
                }
            })
            .AddDefaultParsers().AddOnnxEmbeddings(onnx => onnx.Precision = precision);
        services.AddRagAnythingSqliteStorage(sqlite => sqlite.DatabasePath = Path.Combine(storeDirectory, "bench.db"));
        return services.BuildServiceProvider();
    }

    private static List<string> CorpusFiles()
    {
        var shared = RepositoryPaths.SharedDirectory;
        var corpus = Directory.EnumerateFiles(Path.Combine(shared, "corpus"))
            .Where(path => Path.GetExtension(path) is ".txt" or ".md" or ".pdf");
        var eval = Directory.EnumerateFiles(Path.Combine(shared, "eval", "documents"), "*", SearchOption.AllDirectories);
        return corpus.Concat(eval).Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<List<string>> ReadChunkTextsAsync(IKeyValueStore store)
    {
        var keys = new List<string>();
        await foreach (var key in store.ListKeysAsync(StoreCollections.Chunks).ConfigureAwait(false))
        {
            keys.Add(key);
        }

        var values = await store.GetManyAsync(StoreCollections.Chunks, keys).ConfigureAwait(false);
        return values.Values.Select(value => JsonDocument.Parse(value).RootElement.GetProperty("text").GetString()!).ToList();
    }

    // The model reads at most 256 tokens including [CLS] and [SEP]; padding is not counted as work.
    private static int ModelTokens(Tokenizer tokenizer, string text) => Math.Min(tokenizer.CountTokens(text), ModelMaxTokens - 2) + 2;

    private static string ReadOption(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: ingest corpus [--graph on|off] | ingest small [--count N] [--graph on|off] [--precision fp32|int8] [--raw] [--warm-up N]");
        return 2;
    }
}
