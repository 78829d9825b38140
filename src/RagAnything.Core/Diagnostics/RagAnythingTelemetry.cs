using System.Diagnostics;

namespace RagAnything.Diagnostics;

/// <summary>
/// Names of the library's <see cref="ActivitySource"/>, <see cref="System.Diagnostics.Metrics.Meter"/> and
/// instruments, for subscribing in OpenTelemetry or <c>dotnet-counters</c>.
/// </summary>
public static class RagAnythingTelemetry
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "RagAnything";

    /// <summary>Counter of documents that finished ingestion, tagged <c>outcome</c> (processed, already-present, failed).</summary>
    public const string DocumentsCompleted = "raganything.documents.completed";

    /// <summary>Histogram of stage durations in seconds, tagged <c>stage</c>.</summary>
    public const string StageDuration = "raganything.stage.duration";

    /// <summary>Gauge of documents waiting in front of each stage, tagged <c>stage</c>.</summary>
    public const string QueueDepth = "raganything.stage.queue_depth";

    /// <summary>Gauge of documents being worked on in each stage, tagged <c>stage</c>.</summary>
    public const string InFlight = "raganything.stage.in_flight";

    /// <summary>Counter of batch writes to the document status store.</summary>
    public const string StatusWrites = "raganything.status.writes";

    /// <summary>Counter of embedding model calls made by the batcher.</summary>
    public const string EmbeddingBatches = "raganything.embedding.batches";

    /// <summary>Counter of cache lookups, tagged <c>layer</c> and <c>result</c> (hit, miss).</summary>
    public const string CacheLookups = "raganything.cache.lookups";

    /// <summary>Gauge of chat-model calls in flight, tagged <c>priority</c>.</summary>
    public const string ChatCallsInFlight = "raganything.chat.in_flight";

    /// <summary>The activity source with a span per document and per stage.</summary>
    internal static readonly ActivitySource ActivitySource = new(Name);
}
