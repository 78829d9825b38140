using System.Diagnostics.Metrics;
using RagAnything.Diagnostics;

namespace RagAnything.Benchmarks.Ingestion;

/// <summary>
/// Reads the pipeline's published counters (status writes, embedding batches) through a <see cref="MeterListener"/>,
/// the same way a monitoring tool would.
/// </summary>
internal sealed class PipelineCounters : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _statusWrites;
    private long _embeddingBatches;

    public PipelineCounters()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == RagAnythingTelemetry.Name &&
                instrument.Name is RagAnythingTelemetry.StatusWrites or RagAnythingTelemetry.EmbeddingBatches)
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

    public void Dispose() => _listener.Dispose();
}
