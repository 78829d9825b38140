using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using RagAnything.Benchmarks.Ingestion;
using RagAnything.Chat;
using RagAnything.Ingestion;
using RagAnything.Parsing;

namespace RagAnything.Benchmarks.Chat;

/// <summary>
/// Measures how busy the chat-model scheduler keeps a model with a fixed number of slots while the real pipeline
/// ingests generated documents with the knowledge-graph stage on.
/// </summary>
/// <remarks>
/// Arguments: <c>--docs N</c> (200), <c>--capacity C</c> (8), <c>--latency-ms L</c> (200), <c>--graph-workers W</c>
/// and <c>--extractions E</c> (library defaults when absent). Two runs follow: without rejections, then with a share of
/// calls rejected with HTTP 429 and Retry-After 1 s during the first <c>--fault-seconds</c> (10) of the run. The share is
/// <c>--rejection-rate R</c>, from 0 to 1 (0.1).
/// <c>--trace</c> prints the model and scheduler state to standard error every 2 seconds.
/// </remarks>
internal static class ChatUtilisationHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var settings = new Settings(
            Documents: ReadInt(args, "--docs", 200),
            Capacity: ReadInt(args, "--capacity", 8),
            Latency: TimeSpan.FromMilliseconds(ReadInt(args, "--latency-ms", 200)),
            GraphWorkers: ReadOptionalInt(args, "--graph-workers"),
            Extractions: ReadOptionalInt(args, "--extractions"),
            FaultSeconds: ReadInt(args, "--fault-seconds", 10),
            RejectionRate: ReadOptionalDouble(args, "--rejection-rate") ?? 0.10,
            Trace: args.Contains("--trace"));

        Console.WriteLine($"{settings.Documents} documents, model capacity {settings.Capacity}, latency {settings.Latency.TotalMilliseconds} ms, " +
            $"graph workers {settings.GraphWorkers?.ToString(CultureInfo.InvariantCulture) ?? "default"}, extractions per document {settings.Extractions?.ToString(CultureInfo.InvariantCulture) ?? "default"}, {Environment.ProcessorCount} cores.");
        Console.WriteLine();
        Console.WriteLine("| run | documents processed / failed | chat calls (429) | wall time | full-capacity share | mean busy slots | final scheduler limit |");
        Console.WriteLine("|---|---|---|---|---|---|---|");

        var steady = await RunOnceAsync(settings, rejectionRate: 0).ConfigureAwait(false);
        var faulty = await RunOnceAsync(settings, settings.RejectionRate).ConfigureAwait(false);
        return steady && faulty ? 0 : 1;
    }

    private static async Task<bool> RunOnceAsync(Settings settings, double rejectionRate)
    {
        using var model = new FakeChatModel(settings.Capacity, settings.Latency) { RejectionRate = rejectionRate };
        await using var provider = CreateServices(settings, model);
        var rag = provider.GetRequiredService<IRagAnything>();
        var documents = SmallDocumentGenerator.Generate(settings.Documents, seed: rejectionRate > 0 ? 29 : 17).ToList();

        // The rejections stop after the fault window, so the rest of the run shows whether utilisation recovers.
        using var faultEnd = new Timer(_ => model.RejectionRate = 0, null, TimeSpan.FromSeconds(rejectionRate > 0 ? settings.FaultSeconds : 0), Timeout.InfiniteTimeSpan);
        var status = provider.GetRequiredService<IChatSchedulerStatus>();
        using var trace = settings.Trace
            ? new Timer(_ => Console.Error.WriteLine($"model in flight {model.InFlight}, calls {model.Calls}, limit {status.Limit}, running {status.GetInFlight(ChatPriority.Ingest)}, waiting {status.GetWaiting(ChatPriority.Ingest)}"), null, TimeSpan.Zero, TimeSpan.FromSeconds(2))
            : null;
        var sampler = new InFlightSampler(model);
        var watch = Stopwatch.StartNew();
        var processed = 0;
        var failed = 0;
        await Parallel.ForEachAsync(documents, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (document, token) =>
        {
            var result = await rag.IngestAsync(new DocumentSource(document.Name, document.Content), token).ConfigureAwait(false);
            Interlocked.Increment(ref result.Outcome == IngestOutcome.Processed ? ref processed : ref failed);
        }).ConfigureAwait(false);
        var seconds = watch.Elapsed.TotalSeconds;
        await sampler.DisposeAsync().ConfigureAwait(false);

        var name = rejectionRate > 0 ? $"{rejectionRate:0%} 429 for the first {settings.FaultSeconds} s" : "no rejections";
        Console.WriteLine($"| {name}, whole run | {processed} / {failed} | {model.Calls} ({model.Rejected}) | {seconds:0.0} s | {sampler.FullShare():0.00} | {sampler.MeanBusy():0.00} | {SchedulerLimit(provider)} |");
        var (from, to) = sampler.ActiveWindow();
        Console.WriteLine($"| {name}, from first to last call ({to - from:0.0} s) | | | | {sampler.FullShare(from, to):0.00} | {sampler.MeanBusy(from, to):0.00} | |");
        if (rejectionRate > 0)
        {
            Console.WriteLine($"| {name}, during faults | | | | {sampler.FullShare(0, settings.FaultSeconds):0.00} | {sampler.MeanBusy(0, settings.FaultSeconds):0.00} | |");
            Console.WriteLine($"| {name}, after faults | | | | {sampler.FullShare(settings.FaultSeconds + 2, to):0.00} | {sampler.MeanBusy(settings.FaultSeconds + 2, to):0.00} | |");
        }

        return failed == 0;
    }

    private static int SchedulerLimit(IServiceProvider provider) => provider.GetRequiredService<IChatSchedulerStatus>().Limit;

    private static ServiceProvider CreateServices(Settings settings, FakeChatModel model)
    {
        var services = new ServiceCollection();
        services.AddRagAnything(options =>
        {
            options.Ingestion.BuildKnowledgeGraph = true;
            if (settings.GraphWorkers is { } workers)
            {
                options.Ingestion.GraphStageWorkers = workers;
            }
        }).AddDefaultParsers().AddOnnxEmbeddings();

        if (settings.Extractions is { } extractions)
        {
            services.Configure<RagAnything.Graph.KnowledgeGraphOptions>(graph => graph.MaxConcurrentExtractions = extractions);
        }

        // The ONNX package supplies the tokenizer that chunking counts with; the fast generator replaces its model.
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new DeterministicEmbeddingGenerator());
        services.AddSingleton<IChatClient>(provider => model.UseRagAnythingScheduler(provider));
        return services.BuildServiceProvider();
    }

    private static int ReadInt(string[] args, string name, int fallback) => ReadOptionalInt(args, name) ?? fallback;

    private static int? ReadOptionalInt(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : null;
    }

    private static double? ReadOptionalDouble(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? double.Parse(args[index + 1], CultureInfo.InvariantCulture) : null;
    }

    private sealed record Settings(int Documents, int Capacity, TimeSpan Latency, int? GraphWorkers, int? Extractions, int FaultSeconds, double RejectionRate, bool Trace);
}
