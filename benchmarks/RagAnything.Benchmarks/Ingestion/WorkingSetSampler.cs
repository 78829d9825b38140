using System.Diagnostics;

namespace RagAnything.Benchmarks.Ingestion;

/// <summary>
/// Samples the process working set every 100 ms and keeps the peak.
/// </summary>
internal sealed class WorkingSetSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peak;

    public WorkingSetSampler()
    {
        _loop = Task.Run(async () =>
        {
            using var process = Process.GetCurrentProcess();
            while (!_stop.IsCancellationRequested)
            {
                process.Refresh();
                InterlockedMax(process.WorkingSet64);
                try
                {
                    await Task.Delay(100, _stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });
    }

    public long PeakBytes => Interlocked.Read(ref _peak);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private void InterlockedMax(long value)
    {
        var current = Interlocked.Read(ref _peak);
        while (value > current)
        {
            var previous = Interlocked.CompareExchange(ref _peak, value, current);
            if (previous == current)
            {
                return;
            }

            current = previous;
        }
    }
}
