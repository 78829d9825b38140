using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace RagAnything.Ingestion;

/// <summary>
/// Fans progress events out to every current subscriber. Each subscriber has a bounded buffer that drops its
/// oldest events when full, so a slow reader costs a fixed amount of memory and never slows the pipeline.
/// </summary>
internal sealed class IngestionEventHub
{
    /// <summary>The number of events a subscriber may fall behind before the oldest are dropped.</summary>
    public const int SubscriberCapacity = 1024;

    private readonly Lock _gate = new();
    private readonly List<Channel<IngestionProgress>> _subscribers = [];

    public void Publish(IngestionProgress progress)
    {
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(progress);
            }
        }
    }

    public async IAsyncEnumerable<IngestionProgress> SubscribeAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<IngestionProgress>(new BoundedChannelOptions(SubscriberCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = false,
        });

        lock (_gate)
        {
            _subscribers.Add(channel);
        }

        try
        {
            await foreach (var progress in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return progress;
            }
        }
        finally
        {
            lock (_gate)
            {
                _subscribers.Remove(channel);
            }
        }
    }
}
