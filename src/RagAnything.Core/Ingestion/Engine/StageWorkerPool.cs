using System.Threading.Channels;

namespace RagAnything.Ingestion.Engine;

/// <summary>
/// A pool of workers that take documents from a bounded channel, run one stage on each, and pass them on.
/// </summary>
/// <remarks>
/// The next stage's channel is bounded too, so a slow stage fills its channel and the workers before it wait
/// instead of piling documents up in memory.
/// </remarks>
internal sealed class StageWorkerPool
{
    private readonly Channel<DocumentWork> _input;
    private readonly Task[] _workers;
    private int _busy;

    public StageWorkerPool(
        string name,
        int workerCount,
        int capacity,
        Func<DocumentWork, Task> step,
        Func<DocumentWork, Exception, Task> fail,
        Func<DocumentWork, ValueTask>? next)
    {
        Name = name;
        _input = Channel.CreateBounded<DocumentWork>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleWriter = false,
            SingleReader = workerCount == 1,
        });

        _workers = new Task[workerCount];
        for (var index = 0; index < workerCount; index++)
        {
            _workers[index] = Task.Run(() => RunWorkerAsync(step, fail, next));
        }
    }

    public string Name { get; }

    /// <summary>Gets the number of documents waiting in front of the stage.</summary>
    public int QueueLength => _input.Reader.CanCount ? _input.Reader.Count : 0;

    /// <summary>Gets the number of documents the stage is working on.</summary>
    public int InFlight => Volatile.Read(ref _busy);

    public int WorkerCount => _workers.Length;

    public ValueTask EnqueueAsync(DocumentWork work, CancellationToken cancellationToken)
        => _input.Writer.WriteAsync(work, cancellationToken);

    public Task CompleteAsync()
    {
        _input.Writer.TryComplete();
        return Task.WhenAll(_workers);
    }

    private async Task RunWorkerAsync(Func<DocumentWork, Task> step, Func<DocumentWork, Exception, Task> fail, Func<DocumentWork, ValueTask>? next)
    {
        await foreach (var work in _input.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (work.IsCompleted)
            {
                continue;
            }

            Interlocked.Increment(ref _busy);
            var succeeded = false;
            try
            {
                work.Token.ThrowIfCancellationRequested();
                work.StartStageTimer();
                await step(work).ConfigureAwait(false);
                work.StopStageTimer();
                succeeded = true;
            }
            catch (Exception exception)
            {
                await fail(work, exception).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _busy);
            }

            if (succeeded && next is not null && !work.IsCompleted)
            {
                try
                {
                    await next(work).ConfigureAwait(false);
                }
                catch (Exception exception)
                {
                    await fail(work, exception).ConfigureAwait(false);
                }
            }
        }
    }
}
