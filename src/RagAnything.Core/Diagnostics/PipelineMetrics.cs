using System.Diagnostics.Metrics;
using RagAnything.Ingestion.Engine;

namespace RagAnything.Diagnostics;

/// <summary>
/// The pipeline's instruments on the <see cref="RagAnythingTelemetry.Name"/> meter.
/// </summary>
internal sealed class PipelineMetrics : IDisposable
{
    private readonly Meter _meter;

    public PipelineMetrics(IMeterFactory? meterFactory, Func<IReadOnlyList<StageWorkerPool>> stages, Func<long> statusWrites, Func<long> embeddingBatches)
    {
        _meter = meterFactory?.Create(RagAnythingTelemetry.Name) ?? new Meter(RagAnythingTelemetry.Name);

        DocumentsCompleted = _meter.CreateCounter<long>(RagAnythingTelemetry.DocumentsCompleted, unit: "{document}", description: "Documents that finished ingestion, by outcome.");
        StageDuration = _meter.CreateHistogram<double>(RagAnythingTelemetry.StageDuration, unit: "s", description: "Time one document spent in one stage.");

        _meter.CreateObservableGauge(
            RagAnythingTelemetry.QueueDepth,
            () => stages().Select(stage => new Measurement<int>(stage.QueueLength, new KeyValuePair<string, object?>("stage", stage.Name))),
            unit: "{document}",
            description: "Documents waiting in front of each stage.");
        _meter.CreateObservableGauge(
            RagAnythingTelemetry.InFlight,
            () => stages().Select(stage => new Measurement<int>(stage.InFlight, new KeyValuePair<string, object?>("stage", stage.Name))),
            unit: "{document}",
            description: "Documents being worked on in each stage.");
        _meter.CreateObservableCounter(RagAnythingTelemetry.StatusWrites, statusWrites, unit: "{write}", description: "Batch writes to the document status store.");
        _meter.CreateObservableCounter(RagAnythingTelemetry.EmbeddingBatches, embeddingBatches, unit: "{call}", description: "Embedding model calls made by the batcher.");
    }

    public Counter<long> DocumentsCompleted { get; }

    public Histogram<double> StageDuration { get; }

    public void Dispose() => _meter.Dispose();
}
