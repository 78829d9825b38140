using RagAnything.Content;

namespace RagAnything.Parsing;

/// <summary>
/// The mutable counters behind one <see cref="ParserStatisticsEntry"/>. Fields are public so callers can pass them to
/// <see cref="Interlocked"/> by reference.
/// </summary>
internal sealed class ParserCounters
{
    public long Documents;
    public long Pages;
    public long CacheHits;
    public long ElapsedTicks;
    public readonly long[] ItemsByKind = new long[Enum.GetValues<ContentKind>().Length];
    public readonly long[] FailuresByCategory = new long[Enum.GetValues<ErrorCategory>().Length];

    public ParserStatisticsEntry ToEntry(string parserId, string mediaType) => new(
        parserId,
        mediaType,
        Interlocked.Read(ref Documents),
        Interlocked.Read(ref Pages),
        Enum.GetValues<ContentKind>().ToDictionary(kind => kind, kind => Interlocked.Read(ref ItemsByKind[(int)kind])),
        Enum.GetValues<ErrorCategory>().ToDictionary(category => category, category => Interlocked.Read(ref FailuresByCategory[(int)category])),
        Interlocked.Read(ref CacheHits),
        TimeSpan.FromTicks(Interlocked.Read(ref ElapsedTicks)));
}
