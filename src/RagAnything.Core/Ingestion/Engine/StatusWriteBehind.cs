using System.Threading.Channels;
using RagAnything.Storage.Documents;

namespace RagAnything.Ingestion.Engine;

/// <summary>
/// Buffers document status changes and writes them in batches: on an interval, when enough have gathered, or on
/// <see cref="FlushAsync"/>. Only the newest change of each document is written.
/// </summary>
/// <remarks>
/// Losing buffered changes in a crash is safe: the accepted record is written directly, and any document that is
/// not terminal in the store is processed again on recovery.
/// </remarks>
internal sealed class StatusWriteBehind : IAsyncDisposable
{
    private readonly IDocumentStatusStore _store;
    private readonly TimeSpan _interval;
    private readonly int _flushCount;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lazy<Task> _loop;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private Dictionary<string, DocumentStatusRecord> _pending = new(StringComparer.Ordinal);
    private TaskCompletionSource _generation = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _writes;
    private long _records;

    public StatusWriteBehind(IDocumentStatusStore store, TimeSpan interval, int flushCount, TimeProvider time)
    {
        _store = store;
        _interval = interval;
        _flushCount = flushCount;
        _time = time;
        _loop = new Lazy<Task>(() => Task.Run(RunAsync), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Gets the number of batch writes made to the store.</summary>
    public long WriteCount => Interlocked.Read(ref _writes);

    /// <summary>Gets the number of records written, after collapsing repeated changes of one document.</summary>
    public long RecordCount => Interlocked.Read(ref _records);

    /// <summary>
    /// Buffers a change. The returned task completes when the batch holding it has been written, so callers that
    /// report an outcome can wait for it to be durable while still sharing the write with other documents.
    /// </summary>
    /// <param name="record">The document's new state.</param>
    /// <param name="urgent">Whether to write without waiting for the interval, as for terminal states someone waits on.</param>
    public Task Enqueue(DocumentStatusRecord record, bool urgent = false)
    {
        _ = _loop.Value;
        int count;
        Task written;
        lock (_gate)
        {
            _pending[record.Id] = record;
            count = _pending.Count;
            written = _generation.Task;
        }

        if (urgent || count >= _flushCount)
        {
            _wake.Writer.TryWrite(true);
        }

        return written;
    }

    /// <summary>Returns the buffered record of a document, if its newest change has not been written yet.</summary>
    public DocumentStatusRecord? TryGetPending(string documentId)
    {
        lock (_gate)
        {
            return _pending.GetValueOrDefault(documentId);
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        Dictionary<string, DocumentStatusRecord>? batch = null;
        TaskCompletionSource? generation = null;
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            lock (_gate)
            {
                batch = _pending;
                generation = _generation;
                _pending = new Dictionary<string, DocumentStatusRecord>(StringComparer.Ordinal);
                _generation = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            if (batch.Count > 0)
            {
                await _store.UpsertAsync(batch.Values.ToList(), cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref _writes);
                Interlocked.Add(ref _records, batch.Count);
            }

            generation.TrySetResult();
        }
        catch (Exception exception)
        {
            // The records go back unless a newer change of the same document arrived meanwhile, and waiters see the failure.
            lock (_gate)
            {
                foreach (var (id, record) in batch ?? [])
                {
                    _pending.TryAdd(id, record);
                }
            }

            generation?.TrySetException(exception);
            throw;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_loop.IsValueCreated)
        {
            try
            {
                await _loop.Value.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The loop ends by cancellation; the final flush below writes whatever it left.
            }
        }

        await FlushAsync(CancellationToken.None).ConfigureAwait(false);
        _stopping.Dispose();
        _writeLock.Dispose();
    }

    private async Task RunAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            using (var wait = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token))
            {
                wait.CancelAfter(_interval);
                try
                {
                    await _wake.Reader.ReadAsync(wait.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
                {
                    // The interval passed without a wake-up: flush what has gathered.
                }
            }

            try
            {
                await FlushAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception) when (!_stopping.IsCancellationRequested)
            {
                // The failed batch went back into the buffer, so the next interval retries it.
                // TODO: log failed status writes with the store's exception and count them in a metric.
            }
        }
    }
}
