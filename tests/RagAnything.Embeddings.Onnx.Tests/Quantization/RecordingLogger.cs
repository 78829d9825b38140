using Microsoft.Extensions.Logging;

namespace RagAnything.Embeddings.Onnx.Tests.Quantization;

/// <summary>
/// A logger that keeps the event id of every enabled message, for asserting which events were written.
/// </summary>
internal sealed class RecordingLogger : ILogger
{
    private readonly List<int> _eventIds = [];

    /// <summary>Event ids in the order they were logged.</summary>
    public IReadOnlyList<int> EventIds
    {
        get
        {
            lock (_eventIds)
            {
                return [.. _eventIds];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_eventIds)
        {
            _eventIds.Add(eventId.Id);
        }
    }
}
