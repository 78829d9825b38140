using Microsoft.Extensions.Logging;

namespace RagAnything.Embeddings.Onnx.Tests;

/// <summary>A typed logger that keeps the event id and level of every message, for asserting which events were written.</summary>
internal sealed class EventRecordingLogger<T> : ILogger<T>
{
    private readonly List<(int EventId, LogLevel Level)> _events = [];

    public IReadOnlyList<(int EventId, LogLevel Level)> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_events)
        {
            _events.Add((eventId.Id, logLevel));
        }
    }
}
