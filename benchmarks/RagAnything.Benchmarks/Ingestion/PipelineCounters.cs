using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using RagAnything.Diagnostics;

namespace RagAnything.Benchmarks.Ingestion;

/// <summary>
/// Reads the pipeline's published counters (status writes, embedding batches) and per-stage durations through a
/// <see cref="MeterListener"/>, the same way a monitoring tool would.
/// </summary>
internal sealed class PipelineCounters : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _statusWrites;
    private long _embeddingBatches;
    private readonly ConcurrentDictionary<string, double> _stageSeconds = new(StringComparer.Ordinal);

    public PipelineCounters()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == RagAnythingTelemetry.Name &&
                instrument.Name is RagAnythingTelemetry.StatusWrites or RagAnythingTelemetry.EmbeddingBatches or RagAnythingTelemetry.StageDuration)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            // Observable counters report their running total, so the latest value is the count.
            if (instrument.Name == RagAnythingTelemetry.StatusWrites)
            {
                Interlocked.Exchange(ref _statusWrites, value);
            }
            else
            {
                Interlocked.Exchange(ref _embeddingBatches, value);
            }
        });
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "stage" && tag.Value is string stage)
                {
                    _stageSeconds.AddOrUpdate(stage, value, (_, total) => total + value);
                }
            }
        });
        _listener.Start();
    }

    public long StatusWrites
    {
        get
        {
            _listener.RecordObservableInstruments();
            return Interlocked.Read(ref _statusWrites);
        }
    }

    public long EmbeddingBatches
    {
        get
        {
            _listener.RecordObservableInstruments();
            return Interlocked.Read(ref _embeddingBatches);
        }
    }

    /// <summary>Gets the seconds that documents spent in each stage, summed over documents (waiting included).</summary>
    public IReadOnlyDictionary<string, double> StageSeconds => new Dictionary<string, double>(_stageSeconds, StringComparer.Ordinal);

    public void Dispose() => _listener.Dispose();
}
