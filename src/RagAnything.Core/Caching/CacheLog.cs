using Microsoft.Extensions.Logging;

namespace RagAnything.Caching;

/// <summary>
/// Log messages of the caches and the chat scheduler, event ids 2600-2699.
/// </summary>
internal static partial class CacheLog
{
    [LoggerMessage(EventId = 2600, Level = LogLevel.Debug, Message = "Cache layer {Layer} created: enabled {Enabled}, memory budget {MaxMemoryBytes} bytes, distributed cache {HasDistributedCache}.")]
    public static partial void LayerCreated(ILogger logger, CacheLayer layer, bool enabled, long maxMemoryBytes, bool hasDistributedCache);

    [LoggerMessage(EventId = 2601, Level = LogLevel.Information, Message = "Cache layer {Layer} cleared.")]
    public static partial void LayerCleared(ILogger logger, CacheLayer layer);
}
