using Microsoft.Extensions.Options;
using RagAnything.Hosting.Streaming;

namespace RagAnything.Hosting.Tasks;

/// <summary>
/// Fans task events out to every subscribed stream client, each through its own bounded buffer.
/// </summary>
internal sealed class TaskEventHub(IOptions<RagAnythingHostingOptions> options, StreamStatistics statistics)
{
    private readonly Lock _gate = new();
    private readonly List<ClientEventBuffer<TaskEvent>> _subscribers = [];

    public void Publish(TaskEvent taskEvent)
    {
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Write(taskEvent);
            }
        }
    }

    /// <summary>Adds a subscriber; dispose the returned subscription to remove it.</summary>
    public Subscription Subscribe()
    {
        var buffer = new ClientEventBuffer<TaskEvent>(options.Value.Streaming.ClientBufferCapacity, statistics);
        lock (_gate)
        {
            _subscribers.Add(buffer);
        }

        return new Subscription(this, buffer);
    }

    private void Remove(ClientEventBuffer<TaskEvent> buffer)
    {
        lock (_gate)
        {
            _subscribers.Remove(buffer);
        }

        buffer.Dispose();
    }

    /// <summary>One client's registration with the hub.</summary>
    public sealed class Subscription(TaskEventHub hub, ClientEventBuffer<TaskEvent> buffer) : IDisposable
    {
        public ClientEventBuffer<TaskEvent> Buffer => buffer;

        public void Dispose() => hub.Remove(buffer);
    }
}
