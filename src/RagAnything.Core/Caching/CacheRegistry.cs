using System.Diagnostics.Metrics;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagAnything.Content;
using RagAnything.Diagnostics;
using RagAnything.Storage;

namespace RagAnything.Caching;

/// <summary>
/// Owns the four cache layers and reports their statistics. The distributed cache (L2) is the registered
/// <see cref="IDistributedCache"/>, such as the SQLite one; without it the layers keep entries in memory only.
/// </summary>
internal sealed class CacheRegistry : ICacheStatistics, IDisposable
{
    private readonly CountingHybridCache[] _layers;
    private readonly Meter _meter;
    private readonly ILogger _logger;

    public CacheRegistry(
        IOptions<CacheOptions> options,
        TimeProvider time,
        IDistributedCache? distributedCache = null,
        ILoggerFactory? loggerFactory = null,
        IMeterFactory? meterFactory = null)
    {
        var values = options.Value;
        _logger = loggerFactory?.CreateLogger("RagAnything.Caching") ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        _layers =
        [
            new CountingHybridCache(CacheLayer.Parse, values.Parse, distributedCache, time, loggerFactory, AddParseSerializer),
            new CountingHybridCache(CacheLayer.Embedding, values.Embedding, distributedCache, time, loggerFactory, builder => builder.AddSerializer(new VectorSerializer())),
            new CountingHybridCache(CacheLayer.Chat, values.Chat, distributedCache, time, loggerFactory, AddChatSerializer),
            new CountingHybridCache(CacheLayer.Query, values.Query, distributedCache, time, loggerFactory),
        ];

        _meter = meterFactory?.Create(RagAnythingTelemetry.Name) ?? new Meter(RagAnythingTelemetry.Name);
        _meter.CreateObservableCounter(RagAnythingTelemetry.CacheLookups, ObserveLookups, unit: "{lookup}", description: "Cache lookups by layer and result.");

        foreach (var layer in _layers)
        {
            CacheLog.LayerCreated(_logger, layer.Layer, layer.Enabled, values.Get(layer.Layer).MaxMemoryBytes, layer.HasDistributedCache);
        }
    }

    /// <summary>Returns the layer <paramref name="layer"/>.</summary>
    public CountingHybridCache this[CacheLayer layer] => _layers[(int)layer];

    public IReadOnlyList<CacheLayerStatistics> GetSnapshot() => _layers.Select(layer => layer.GetSnapshot()).ToList();

    public async ValueTask ClearAsync(CacheLayer? layer = null, CancellationToken cancellationToken = default)
    {
        if (layer is { } only && !Enum.IsDefined(only))
        {
            throw new ArgumentOutOfRangeException(nameof(layer), only, "Unknown cache layer; use parse, embedding, chat or query.");
        }

        foreach (var target in _layers.Where(candidate => layer is null || candidate.Layer == layer))
        {
            await target.ClearAsync(cancellationToken).ConfigureAwait(false);
            CacheLog.LayerCleared(_logger, target.Layer);
        }
    }

    public void Dispose()
    {
        _meter.Dispose();
        foreach (var layer in _layers)
        {
            layer.Dispose();
        }
    }

    private static void AddParseSerializer(IHybridCacheBuilder builder)
        => builder.AddSerializer(new JsonCacheSerializer<ParsedDocument>(CoreJsonContext.Default.ParsedDocument));

    private static void AddChatSerializer(IHybridCacheBuilder builder)
        => builder.AddSerializer(new JsonCacheSerializer<ChatResponse>((JsonTypeInfo<ChatResponse>)AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ChatResponse))));

    private IEnumerable<Measurement<long>> ObserveLookups()
    {
        foreach (var layer in _layers)
        {
            var name = new KeyValuePair<string, object?>("layer", layer.Layer.ToString().ToLowerInvariant());
            yield return new Measurement<long>(layer.Hits, name, new KeyValuePair<string, object?>("result", "hit"));
            yield return new Measurement<long>(layer.Misses, name, new KeyValuePair<string, object?>("result", "miss"));
        }
    }
}
