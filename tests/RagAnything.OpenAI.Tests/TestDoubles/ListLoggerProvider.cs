using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RagAnything.OpenAI.Tests.TestDoubles;

/// <summary>
/// Keeps every log entry in memory so tests can check event ids, messages and state values.
/// </summary>
internal sealed class ListLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new ListLogger(this);

    public void Dispose()
    {
    }

    internal sealed record LogEntry(EventId EventId, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> State);

    private sealed class ListLogger(ListLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            provider.Entries.Enqueue(new LogEntry(eventId, logLevel, formatter(state, exception), values.ToDictionary(pair => pair.Key, pair => pair.Value)));
        }
    }
}
