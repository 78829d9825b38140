namespace RagAnything.Hosting.Streaming;

/// <summary>
/// Counts the connected progress-stream clients and the events dropped because a client read too slowly.
/// </summary>
internal sealed class StreamStatistics
{
    private int _clients;
    private long _dropped;

    public int Clients => Volatile.Read(ref _clients);

    public long DroppedEvents => Interlocked.Read(ref _dropped);

    public void ClientConnected() => Interlocked.Increment(ref _clients);

    public void ClientDisconnected() => Interlocked.Decrement(ref _clients);

    public void EventDropped() => Interlocked.Increment(ref _dropped);
}
