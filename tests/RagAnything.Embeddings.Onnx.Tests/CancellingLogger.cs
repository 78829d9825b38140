using Microsoft.Extensions.Logging;

namespace RagAnything.Embeddings.Onnx.Tests;

/// <summary>Cancels a token when a given event is logged, to cancel at a known point inside a call.</summary>
internal sealed class CancellingLogger<T>(int cancelOnEventId, CancellationTokenSource source) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Id == cancelOnEventId)
        {
            source.Cancel();
        }
    }
}
