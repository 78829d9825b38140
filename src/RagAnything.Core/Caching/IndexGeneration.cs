namespace RagAnything.Caching;

/// <summary>
/// An in-process index generation that starts from the clock's ticks at construction.
/// </summary>
/// <remarks>
/// A persistent distributed cache keeps query results from earlier runs under their generation numbers. Starting from
/// the clock rather than from zero keeps a restarted process from reusing those numbers, as long as the clock only
/// moves forward between runs.
/// TODO: processes that share one distributed cache each count their own generation, so they share no query
/// results; a shared counter in the document status store would let them share answers.
/// </remarks>
internal sealed class IndexGeneration(TimeProvider time) : IIndexGeneration
{
    private long _current = time.GetUtcNow().UtcTicks;

    public long Current => Interlocked.Read(ref _current);

    public long Advance() => Interlocked.Increment(ref _current);
}
