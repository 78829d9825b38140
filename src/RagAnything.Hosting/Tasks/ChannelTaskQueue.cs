using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace RagAnything.Hosting.Tasks;

/// <summary>
/// The in-process <see cref="ITaskQueue"/>: a bounded channel, so a burst of requests meets a full queue
/// instead of growing memory.
/// </summary>
internal sealed class ChannelTaskQueue : ITaskQueue
{
    private readonly Channel<string> _channel;

    public ChannelTaskQueue(IOptions<RagAnythingHostingOptions> options)
    {
        Capacity = options.Value.Tasks.QueueCapacity;
        _channel = Channel.CreateBounded<string>(new BoundedChannelOptions(Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
    }

    public int Count => _channel.Reader.Count;

    public int Capacity { get; }

    public bool TryEnqueue(string taskId) => _channel.Writer.TryWrite(taskId);

    public ValueTask EnqueueAsync(string taskId, CancellationToken cancellationToken) => _channel.Writer.WriteAsync(taskId, cancellationToken);

    public ValueTask<string> DequeueAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAsync(cancellationToken);
}
