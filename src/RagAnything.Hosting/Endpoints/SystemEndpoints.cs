using System.Diagnostics;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using RagAnything.Hosting.Endpoints.Contracts;
using RagAnything.Hosting.Streaming;
using RagAnything.Hosting.Tasks;
using RagAnything.Storage.Documents;

namespace RagAnything.Hosting.Endpoints;

/// <summary>
/// Maps the operational routes: process and queue status, and document counts per media type.
/// </summary>
internal static class SystemEndpoints
{
    /// <summary>The most status records the parser statistics read, so the route stays fast on large stores.</summary>
    private const int MaxRecordsScanned = 100_000;

    private const int ScanPageSize = 1000;

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet("/status", GetStatusAsync)
            .WithName("GetSystemStatus")
            .WithSummary("Returns CPU time, memory, data folder size and free disk space, task queue depth, queued and in-flight documents per pipeline stage, uptime and versions.")
            .Produces<SystemStatusResponse>();

        group.MapGet("/parser-stats", GetParserStatsAsync)
            .WithName("GetParserStats")
            .WithSummary("Counts processed and failed documents per media type.")
            .Produces<ParserStatsResponse>();
    }

    private static async Task<IResult> GetStatusAsync(
        IDocumentStatusStore statuses,
        IRagAnything rag,
        ITaskQueue queue,
        TaskCoordinator coordinator,
        StreamStatistics streams,
        IOptions<RagAnythingHostingOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        using var process = Process.GetCurrentProcess();
        var counts = await statuses.GetCountsAsync(cancellationToken).ConfigureAwait(false);

        return Results.Ok(new SystemStatusResponse
        {
            Uptime = time.GetUtcNow() - process.StartTime.ToUniversalTime(),
            CpuTimeSeconds = process.TotalProcessorTime.TotalSeconds,
            WorkingSetBytes = process.WorkingSet64,
            GcHeapBytes = GC.GetGCMemoryInfo().HeapSizeBytes,
            DiskFreeBytes = DataFolderUsage.GetFreeBytes(options.Value.DataDirectory),
            DataDirectoryBytes = DataFolderUsage.GetUsedBytes(options.Value.DataDirectory),
            QueueDepth = queue.Count,
            QueueCapacity = queue.Capacity,
            InFlightDocuments = coordinator.Running,
            PipelineStages = rag.GetPipelineStages().Select(StageStatusResponse.From).ToList(),
            StreamClients = streams.Clients,
            DroppedStreamEvents = streams.DroppedEvents,
            Documents = counts.ToDictionary(pair => ApiNames.Of(pair.Key), pair => pair.Value),
            Versions = new Dictionary<string, string>
            {
                ["raganything.core"] = VersionOf(typeof(IRagAnything).Assembly),
                ["raganything.hosting"] = VersionOf(typeof(SystemEndpoints).Assembly),
                ["dotnet"] = Environment.Version.ToString(),
            },
        });
    }

    private static async Task<IResult> GetParserStatsAsync(IDocumentStatusStore statuses, CancellationToken cancellationToken)
    {
        // TODO: read per-parser counters once the parsers publish statistics; until then the counts come from
        // the status store, which knows the outcome per media type but not parse times or warnings.
        var stats = new Dictionary<string, (int Processed, int Failed, int InProgress)>(StringComparer.OrdinalIgnoreCase);
        var scanned = 0;
        string? token = null;
        do
        {
            var page = await statuses.ListAsync(new DocumentStatusQuery { PageSize = ScanPageSize, ContinuationToken = token }, cancellationToken).ConfigureAwait(false);
            foreach (var record in page.Items)
            {
                var key = record.MediaType ?? "unknown";
                var (processed, failed, inProgress) = stats.GetValueOrDefault(key);
                stats[key] = record.Status switch
                {
                    DocumentProcessingStatus.Processed => (processed + 1, failed, inProgress),
                    DocumentProcessingStatus.Failed => (processed, failed + 1, inProgress),
                    _ => (processed, failed, inProgress + 1),
                };
            }

            scanned += page.Items.Count;
            token = page.ContinuationToken;
        }
        while (token is not null && scanned < MaxRecordsScanned);

        var items = stats
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => new MediaTypeStats(pair.Key, pair.Value.Processed, pair.Value.Failed, pair.Value.InProgress))
            .ToList();
        return Results.Ok(new ParserStatsResponse(items, scanned, Complete: token is null));
    }

    private static string VersionOf(Assembly assembly)
        => assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "unknown";
}
