using Microsoft.Extensions.Logging;

namespace RagAnything.Resilience;

/// <summary>
/// Log messages of the resilience pipelines, event ids 2700-2799.
/// </summary>
internal static partial class ResilienceLog
{
    [LoggerMessage(EventId = 2700, Level = LogLevel.Warning, Message = "Pipeline {Pipeline}: attempt {Attempt} failed ({Category}); retrying in {DelayMs} ms.")]
    public static partial void Retrying(ILogger logger, Exception? exception, string pipeline, int attempt, ErrorCategory category, long delayMs);

    [LoggerMessage(EventId = 2701, Level = LogLevel.Warning, Message = "Pipeline {Pipeline}: attempt timed out after {TimeoutMs} ms.")]
    public static partial void AttemptTimedOut(ILogger logger, string pipeline, long timeoutMs);

    [LoggerMessage(EventId = 2702, Level = LogLevel.Error, Message = "Pipeline {Pipeline}: circuit opened for {BreakMs} ms after too many failures; calls fail fast until then.")]
    public static partial void CircuitOpened(ILogger logger, Exception? exception, string pipeline, long breakMs);

    [LoggerMessage(EventId = 2703, Level = LogLevel.Information, Message = "Pipeline {Pipeline}: circuit closed; calls go through again.")]
    public static partial void CircuitClosed(ILogger logger, string pipeline);
}
