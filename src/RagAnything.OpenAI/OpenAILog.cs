using Microsoft.Extensions.Logging;

namespace RagAnything.OpenAI;

/// <summary>
/// Source-generated log messages of the OpenAI package. Event ids 7xxx. No message contains the API key or a prompt.
/// </summary>
internal static partial class OpenAILog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "OpenAI-compatible {Kind} client created for model {Model} at {Endpoint}.")]
    public static partial void ClientCreated(ILogger logger, string kind, string model, string endpoint);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Call to model {Model} failed with {Reason}; retry {Attempt} of {MaxRetries} in {DelayMs} ms.")]
    public static partial void Retrying(ILogger logger, string model, string reason, int attempt, int maxRetries, long delayMs);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Error, Message = "Call to model {Model} failed ({Category}): {Message}")]
    public static partial void CallFailed(ILogger logger, Exception exception, string model, ErrorCategory category, string message);
}
