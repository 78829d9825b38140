using System.Collections.Concurrent;
using RagAnything.Content;

namespace RagAnything.Parsing;

/// <summary>
/// The in-process <see cref="IParserStatistics"/>: counters per parser id and media type, updated with
/// <see cref="Interlocked"/> so recording never takes a lock.
/// </summary>
public sealed class ParserStatistics : IParserStatistics
{
    private readonly ConcurrentDictionary<(string ParserId, string MediaType), ParserCounters> _counters = new();

    /// <inheritdoc/>
    public void RecordSuccess(string parserId, string mediaType, ParsedDocument document, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(document);

        var counters = CountersFor(parserId, mediaType);
        Interlocked.Increment(ref counters.Documents);
        Interlocked.Add(ref counters.Pages, document.PageCount);
        foreach (var item in document.Items)
        {
            Interlocked.Increment(ref counters.ItemsByKind[(int)item.Kind]);
        }

        Interlocked.Add(ref counters.ElapsedTicks, elapsed.Ticks);
    }

    /// <inheritdoc/>
    public void RecordFailure(string parserId, string mediaType, ErrorCategory category, TimeSpan elapsed)
    {
        var counters = CountersFor(parserId, mediaType);
        Interlocked.Increment(ref counters.FailuresByCategory[(int)category]);
        Interlocked.Add(ref counters.ElapsedTicks, elapsed.Ticks);
    }

    /// <inheritdoc/>
    public void RecordCacheHit(string parserId, string mediaType) =>
        Interlocked.Increment(ref CountersFor(parserId, mediaType).CacheHits);

    /// <inheritdoc/>
    public IReadOnlyList<ParserStatisticsEntry> GetSnapshot() =>
        _counters
            .OrderBy(pair => pair.Key.ParserId, StringComparer.Ordinal)
            .ThenBy(pair => pair.Key.MediaType, StringComparer.Ordinal)
            .Select(pair => pair.Value.ToEntry(pair.Key.ParserId, pair.Key.MediaType))
            .ToList();

    private ParserCounters CountersFor(string parserId, string mediaType)
    {
        ArgumentException.ThrowIfNullOrEmpty(parserId);
        ArgumentException.ThrowIfNullOrEmpty(mediaType);

        return _counters.GetOrAdd((parserId, mediaType.ToLowerInvariant()), static _ => new ParserCounters());
    }
}
