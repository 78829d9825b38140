using Microsoft.Extensions.Logging;

namespace RagAnything.Benchmarks.Ingestion;

/// <summary>
/// A logger provider that sums the run times the ONNX generator logs for each call (event 6006, at debug level), which
/// is the time the model was busy, tokenization included.
/// </summary>
internal sealed class ModelTimeRecorder : ILoggerProvider, ILogger
{
    private const int InputsEmbeddedEventId = 6006;

    private long _elapsedMilliseconds;
    private long _calls;

    /// <summary>Gets the summed run time of every logged generator call.</summary>
    public TimeSpan Busy => TimeSpan.FromMilliseconds(Interlocked.Read(ref _elapsedMilliseconds));

    /// <summary>Gets the number of generator calls logged.</summary>
    public long Calls => Interlocked.Read(ref _calls);

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Id != InputsEmbeddedEventId || state is not IReadOnlyList<KeyValuePair<string, object?>> values)
        {
            return;
        }

        foreach (var (key, value) in values)
        {
            if (key == "ElapsedMs" && value is long milliseconds)
            {
                Interlocked.Add(ref _elapsedMilliseconds, milliseconds);
                Interlocked.Increment(ref _calls);
            }
        }
    }

    public void Dispose()
    {
    }
}
