using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using RagAnything.Embeddings.Onnx.Diagnostics;
using RagAnything.Threading;

namespace RagAnything.Embeddings.Onnx.Internal;

/// <summary>
/// A fixed set of dedicated threads, at a lowered priority, that run model work items in arrival order.
/// </summary>
/// <remarks>
/// <para>
/// Model batches take tens to hundreds of milliseconds of CPU each. Run on thread-pool threads, they hold the few
/// threads a small machine's pool starts with, and request handling waits until the pool injects more (observed
/// stalls of up to a second under ingestion). Dedicated threads keep the pool free.
/// </para>
/// <para>
/// Several single-threaded runs side by side use the cores better than one run split across them: a batch's
/// operators are small, and an intra-op thread pool synchronises after each of them. On the reference machine two
/// threads with one intra-op thread each embedded a mixed set of texts 1.35 (fp32) to 1.55 (int8) times as fast as
/// one thread with two intra-op threads.
/// </para>
/// <para>
/// The inference session is created on one of these threads as well, so that on Linux any ONNX Runtime intra-op
/// threads it starts inherit the lowered nice value (see <see cref="WorkerThreadPriority"/>).
/// </para>
/// </remarks>
internal sealed class InferenceThreadPool : IDisposable
{
    // A batch of 32 full-length inputs takes about a second on two cores, so disposal waits a few of them.
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(30);

    [ThreadStatic]
    private static InferenceThreadPool? t_owner;

    private readonly BlockingCollection<WorkItem> _queue = [];
    private readonly Thread[] _threads;
    private readonly ThreadPriority _priority;
    private readonly ILogger _logger;
    private volatile bool _stopping;
    private volatile bool _stopped;
    private int _stopCalls;

    public InferenceThreadPool(int threadCount, ThreadPriority priority, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threadCount, 1);

        _priority = priority;
        _logger = logger;
        _threads = new Thread[threadCount];
        for (int index = 0; index < threadCount; index++)
        {
            _threads[index] = new Thread(Run)
            {
                IsBackground = true,
                Name = $"RagAnything ONNX inference {index + 1}",
            };

            _threads[index].Start();
        }
    }

    /// <summary>Gets the number of threads.</summary>
    public int ThreadCount => _threads.Length;

    /// <summary>Gets whether the caller is running on one of these threads.</summary>
    public bool IsCurrentThread => t_owner == this;

    /// <summary>Queues <paramref name="work"/> and returns a task for its result.</summary>
    /// <remarks>Cancelling <paramref name="cancellationToken"/> before the item starts removes it from the wait; an item that has started runs to its end.</remarks>
    /// <exception cref="ObjectDisposedException">The thread has been stopped.</exception>
    public Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        var item = new WorkItem<T>(work, cancellationToken);
        try
        {
            _queue.Add(item, CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            throw new ObjectDisposedException(nameof(OnnxEmbeddingGenerator), "The embedding generator has been disposed.");
        }

        return item.Task;
    }

    /// <summary>Stops taking work, fails what is still queued, and waits for the running items to end.</summary>
    public void Dispose() => Stop();

    /// <summary>Stops taking work, fails what is still queued, and waits for the running items to end.</summary>
    /// <returns><see langword="false"/> when a running item did not end in time, so what it uses must not be released.</returns>
    public bool Stop()
    {
        // Only the first call stops the threads. A later one returns its result, because the queue may be released by now.
        if (Interlocked.Exchange(ref _stopCalls, 1) == 1)
        {
            return _stopped;
        }

        _stopping = true;
        _queue.CompleteAdding();

        if (IsCurrentThread)
        {
            return false;
        }

        // The queue is released only once every thread has left it, because a thread still reading a released queue
        // would end the process with an unhandled exception. The wait runs on a monotonic clock, so that a change of
        // the system time does not stretch or cut it.
        long started = Stopwatch.GetTimestamp();
        bool joined = true;
        foreach (var thread in _threads)
        {
            var remaining = JoinTimeout - Stopwatch.GetElapsedTime(started);
            joined &= thread.Join(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
        }

        if (joined)
        {
            _queue.Dispose();
            _stopped = true;
            return true;
        }

        Log.InferenceThreadStillRunning(_logger, (long)JoinTimeout.TotalSeconds);
        return false;
    }

    private void Run()
    {
        t_owner = this;
        if (!WorkerThreadPriority.LowerCurrentThread(_priority))
        {
            Log.ThreadPriorityNotApplied(_logger, _priority);
        }

        foreach (var item in _queue.GetConsumingEnumerable())
        {
            if (_stopping)
            {
                item.Fail(new ObjectDisposedException(nameof(OnnxEmbeddingGenerator), "The embedding generator was disposed before this request ran."));
                continue;
            }

            item.Execute();
        }
    }

    private abstract class WorkItem
    {
        public abstract void Execute();

        public abstract void Fail(Exception exception);
    }

    private sealed class WorkItem<T> : WorkItem
    {
        private readonly Func<T> _work;
        private readonly CancellationToken _cancellationToken;
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationTokenRegistration _registration;

        public WorkItem(Func<T> work, CancellationToken cancellationToken)
        {
            _work = work;
            _cancellationToken = cancellationToken;

            // The caller stops waiting at once; the thread skips the item when it gets to it.
            _registration = cancellationToken.Register(
                static state =>
                {
                    var item = (WorkItem<T>)state!;
                    item._completion.TrySetCanceled(item._cancellationToken);
                },
                this);
        }

        public Task<T> Task => _completion.Task;

        public override void Execute()
        {
            _registration.Dispose();
            if (_cancellationToken.IsCancellationRequested)
            {
                _completion.TrySetCanceled(_cancellationToken);
                return;
            }

            try
            {
                _completion.TrySetResult(_work());
            }
            catch (OperationCanceledException exception) when (exception.CancellationToken == _cancellationToken)
            {
                _completion.TrySetCanceled(_cancellationToken);
            }
            catch (Exception exception)
            {
                _completion.TrySetException(exception);
            }
        }

        public override void Fail(Exception exception)
        {
            _registration.Dispose();
            _completion.TrySetException(exception);
        }
    }
}
