namespace RagAnything.Benchmarks.Chat;

/// <summary>
/// Samples a model's in-flight call count every 10 ms and reports the share of samples at full capacity, over the run
/// or a window of it.
/// </summary>
internal sealed class InFlightSampler : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);

    private readonly FakeChatModel _model;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(double Seconds, int InFlight)> _samples = [];
    private readonly System.Diagnostics.Stopwatch _watch = System.Diagnostics.Stopwatch.StartNew();
    private readonly Task _loop;

    public InFlightSampler(FakeChatModel model)
    {
        _model = model;
        _loop = Task.Run(SampleAsync);
    }

    /// <summary>Returns the share of samples, from 0 to 1, in which every slot of the model was busy.</summary>
    public double FullShare(double fromSeconds = 0, double toSeconds = double.MaxValue)
    {
        var window = Window(fromSeconds, toSeconds);
        return window.Count == 0 ? 0 : (double)window.Count(sample => sample.InFlight >= _model.Capacity) / window.Count;
    }

    /// <summary>
    /// Returns the first and last time, in seconds from the start, at which a call was in flight: the stretch in
    /// which the pipeline had extraction work, without parsing before it and the merge after it.
    /// </summary>
    public (double From, double To) ActiveWindow()
    {
        lock (_samples)
        {
            var busy = _samples.Where(sample => sample.InFlight > 0).ToList();
            return busy.Count == 0 ? (0, 0) : (busy[0].Seconds, busy[^1].Seconds);
        }
    }

    /// <summary>Returns the mean number of busy slots divided by the capacity.</summary>
    public double MeanBusy(double fromSeconds = 0, double toSeconds = double.MaxValue)
    {
        var window = Window(fromSeconds, toSeconds);
        return window.Count == 0 ? 0 : window.Average(sample => sample.InFlight) / _model.Capacity;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping the loop is the expected end.
        }

        _stop.Dispose();
    }

    private List<(double Seconds, int InFlight)> Window(double fromSeconds, double toSeconds)
    {
        lock (_samples)
        {
            return _samples.Where(sample => sample.Seconds >= fromSeconds && sample.Seconds < toSeconds).ToList();
        }
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
        {
            lock (_samples)
            {
                _samples.Add((_watch.Elapsed.TotalSeconds, _model.InFlight));
            }
        }
    }
}
