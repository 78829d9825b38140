using System.Diagnostics;

namespace RagAnything.LoadGenerator;

/// <summary>
/// Collects the latencies of one path. Each worker records into its own recorder, so recording takes no lock;
/// the recorders of a path are merged after the run.
/// </summary>
internal sealed class LatencyRecorder
{
    private readonly List<long> _ticks = [];

    public int Errors { get; private set; }

    public int Count => _ticks.Count;

    /// <summary>Records one request from its start and end <see cref="Stopwatch.GetTimestamp"/> values.</summary>
    public void Record(long start, long end, bool succeeded)
    {
        _ticks.Add(end - start);
        if (!succeeded)
        {
            Errors++;
        }
    }

    public static LatencyRecorder Merge(IEnumerable<LatencyRecorder> recorders)
    {
        var merged = new LatencyRecorder();
        foreach (var recorder in recorders)
        {
            merged._ticks.AddRange(recorder._ticks);
            merged.Errors += recorder.Errors;
        }

        merged._ticks.Sort();
        return merged;
    }

    /// <summary>Returns the latency at <paramref name="percentile"/> (0 to 100) in milliseconds, by the nearest-rank method. Call on a merged recorder, whose ticks are sorted.</summary>
    public double PercentileMilliseconds(double percentile)
    {
        if (_ticks.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percentile / 100 * _ticks.Count);
        var ticks = _ticks[Math.Clamp(rank - 1, 0, _ticks.Count - 1)];
        return ticks * 1000.0 / Stopwatch.Frequency;
    }
}
