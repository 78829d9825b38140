using System.Threading.Channels;
using RagAnything.Embeddings;

namespace RagAnything.Ingestion.Engine;

/// <summary>
/// Gathers embedding requests from many documents into full model batches.
/// </summary>
/// <remarks>
/// One loop gathers batches, so small documents share batches instead of each paying for a nearly empty one. A request
/// waits at most <see cref="IngestionOptions.EmbeddingBatchDelay"/> for company. Up to
/// <see cref="IngestionOptions.EmbeddingConcurrency"/> batches are out at once, so gathering and the embedding cache's
/// I/O for one batch overlap the model run of another. Identical texts within a batch are embedded once.
/// </remarks>
internal sealed class EmbeddingBatcher : IAsyncDisposable
{
    private readonly EmbeddingService _embeddings;
    private readonly int _batchSize;
    private readonly TimeSpan _delay;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _slots;
    private readonly Channel<Request> _requests = Channel.CreateUnbounded<Request>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lazy<Task> _loop;

    public EmbeddingBatcher(EmbeddingService embeddings, int batchSize, TimeSpan delay, int concurrency, TimeProvider time)
    {
        _embeddings = embeddings;
        _batchSize = batchSize;
        _delay = delay;
        _slots = new SemaphoreSlim(concurrency, concurrency);
        _time = time;
        _loop = new Lazy<Task>(() => Task.Run(RunAsync), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Gets the number of model calls made, for tests and metrics.</summary>
    public long BatchCount => Interlocked.Read(ref _batchCount);

    /// <summary>Gets the number of texts sent to the model after de-duplication.</summary>
    public long TextCount => Interlocked.Read(ref _textCount);

    private long _batchCount;
    private long _textCount;

    public async Task<IReadOnlyList<ReadOnlyMemory<float>>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        if (texts.Count == 0)
        {
            return [];
        }

        _ = _loop.Value;

        // A large document is sent as several requests, so no single model call outgrows a batch and its time
        // limit, and small documents queued behind it still share the next batches.
        var requests = new List<Request>((texts.Count + _batchSize - 1) / _batchSize);
        for (var start = 0; start < texts.Count; start += _batchSize)
        {
            var slice = texts.Skip(start).Take(_batchSize).ToList();
            var request = new Request(slice, cancellationToken);
            requests.Add(request);
            await _requests.Writer.WriteAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var vectors = new List<ReadOnlyMemory<float>>(texts.Count);
        foreach (var request in requests)
        {
            vectors.AddRange(await request.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false));
        }

        return vectors;
    }

    public async ValueTask DisposeAsync()
    {
        _requests.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_loop.IsValueCreated)
        {
            try
            {
                await _loop.Value.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopping cancels the loop's wait; requests it had not taken yet are failed below.
            }
        }

        // Callers still waiting get an error instead of waiting forever for a loop that has stopped.
        while (_requests.Reader.TryRead(out var request))
        {
            request.Completion.TrySetException(CreateStoppedException());
        }

        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        var sending = new List<Task>();
        try
        {
            await GatherBatchesAsync(sending).ConfigureAwait(false);
        }
        finally
        {
            // Batches still at the generator end before disposal goes on; stopping cancels them, and SendAsync
            // fails their requests instead of throwing.
            await Task.WhenAll(sending).ConfigureAwait(false);
        }
    }

    private async Task GatherBatchesAsync(List<Task> sending)
    {
        var reader = _requests.Reader;

        while (await reader.WaitToReadAsync(_stopping.Token).ConfigureAwait(false))
        {
            // A free slot is taken before gathering, so requests that arrive while every slot is busy join this batch.
            await _slots.WaitAsync(_stopping.Token).ConfigureAwait(false);

            var batch = new List<Request>();
            var textCount = 0;
            var started = _time.GetTimestamp();

            // Take what is queued now, then wait a little for more while the batch is not full.
            while (textCount < _batchSize)
            {
                if (reader.TryRead(out var request))
                {
                    if (!request.CancellationToken.IsCancellationRequested)
                    {
                        batch.Add(request);
                        textCount += request.Texts.Count;
                    }

                    continue;
                }

                var remaining = _delay - _time.GetElapsedTime(started);
                if (remaining <= TimeSpan.Zero || !await WaitForBatchAsync(reader, remaining, batch).ConfigureAwait(false))
                {
                    break;
                }
            }

            if (batch.Count == 0)
            {
                _slots.Release();
                continue;
            }

            sending.RemoveAll(task => task.IsCompleted);
            sending.Add(SendAndReleaseAsync(batch));
        }
    }

    private async Task SendAndReleaseAsync(List<Request> batch)
    {
        try
        {
            await SendAsync(batch).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    // Requests already gathered are out of the channel, so the drain in DisposeAsync cannot reach them. When stopping
    // cancels the wait they are failed here, or their callers would wait forever.
    private async Task<bool> WaitForBatchAsync(ChannelReader<Request> reader, TimeSpan timeout, List<Request> batch)
    {
        try
        {
            return await WaitAsync(reader, timeout).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            foreach (var request in batch)
            {
                request.Completion.TrySetException(CreateStoppedException());
            }

            throw;
        }
    }

    private static ObjectDisposedException CreateStoppedException() =>
        new(nameof(EmbeddingBatcher), "The ingestion pipeline stopped before this text was embedded.");

    private async Task<bool> WaitAsync(ChannelReader<Request> reader, TimeSpan timeout)
    {
        // The timeout runs on the injected clock, so tests with a fake TimeProvider control it.
        using var timeoutSource = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, timeoutSource.Token);
        try
        {
            return await reader.WaitToReadAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task SendAsync(List<Request> batch)
    {
        var unique = new Dictionary<string, int>(StringComparer.Ordinal);
        var texts = new List<string>();
        foreach (var request in batch)
        {
            foreach (var text in request.Texts)
            {
                if (unique.TryAdd(text, texts.Count))
                {
                    texts.Add(text);
                }
            }
        }

        try
        {
            var vectors = await _embeddings.EmbedAsync(texts, _stopping.Token).ConfigureAwait(false);
            Interlocked.Increment(ref _batchCount);
            Interlocked.Add(ref _textCount, texts.Count);

            foreach (var request in batch)
            {
                var result = new ReadOnlyMemory<float>[request.Texts.Count];
                for (var index = 0; index < result.Length; index++)
                {
                    result[index] = vectors[unique[request.Texts[index]]];
                }

                request.Completion.TrySetResult(result);
            }
        }
        catch (Exception exception)
        {
            // One failed model call fails the documents in that batch; the loop goes on with the next batch.
            foreach (var request in batch)
            {
                request.Completion.TrySetException(exception);
            }
        }
    }

    private sealed class Request(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        public IReadOnlyList<string> Texts { get; } = texts;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        public TaskCompletionSource<IReadOnlyList<ReadOnlyMemory<float>>> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
