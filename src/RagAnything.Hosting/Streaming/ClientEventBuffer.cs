using System.Threading.Channels;

namespace RagAnything.Hosting.Streaming;

/// <summary>
/// The events waiting to be sent to one stream client. The buffer is bounded and drops its oldest event when
/// full, so a client that stops reading costs at most the capacity in memory and never blocks the producers.
/// </summary>
internal sealed class ClientEventBuffer<T> : IDisposable
{
    private readonly Channel<T> _channel;
    private readonly StreamStatistics _statistics;
    private long _dropped;

    public ClientEventBuffer(int capacity, StreamStatistics statistics)
    {
        _statistics = statistics;
        _channel = Channel.CreateBounded<T>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => OnDropped());
        statistics.ClientConnected();
    }

    public ChannelReader<T> Reader => _channel.Reader;

    /// <summary>Gets how many events this client lost to the bound.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Write(T item) => _channel.Writer.TryWrite(item);

    public void Complete() => _channel.Writer.TryComplete();

    public void Dispose()
    {
        _channel.Writer.TryComplete();
        _statistics.ClientDisconnected();
    }

    private void OnDropped()
    {
        Interlocked.Increment(ref _dropped);
        _statistics.EventDropped();
    }
}
