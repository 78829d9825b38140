using Microsoft.Extensions.AI;

namespace RagAnything.Core.Tests.TestDoubles;

/// <summary>
/// Wraps <see cref="HashingEmbeddingGenerator"/> with a gate that tests open when they choose, a fixed delay, or
/// scripted failures, so they can hold documents in the embed stage or make it fail.
/// </summary>
internal sealed class GatedEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly HashingEmbeddingGenerator _inner = new();
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _calls;
    private int _texts;

    public GatedEmbeddingGenerator(bool startOpen = false, TimeSpan delay = default)
    {
        Delay = delay;
        if (startOpen)
        {
            _gate.SetResult();
        }
    }

    public TimeSpan Delay { get; }

    public int CallCount => Volatile.Read(ref _calls);

    public int TextCount => Volatile.Read(ref _texts);

    /// <summary>Gets the largest number of texts received in one call.</summary>
    public int MaxCallSize => Volatile.Read(ref _maxCallSize);

    private int _maxCallSize;

    /// <summary>Gets the number of calls that have started and not yet returned.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Gets the largest number of calls in flight at once.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    private int _inFlight;
    private int _maxInFlight;

    /// <summary>Gets or sets an exception thrown by the next calls while it is set.</summary>
    public Exception? Failure { get; set; }

    public void Open() => _gate.TrySetResult();

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = values.ToList();
        Interlocked.Increment(ref _calls);
        Interlocked.Add(ref _texts, list.Count);
        InterlockedMax(ref _maxCallSize, list.Count);

        InterlockedMax(ref _maxInFlight, Interlocked.Increment(ref _inFlight));
        try
        {
            await _gate.Task.WaitAsync(cancellationToken);
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, cancellationToken);
            }

            if (Failure is { } failure)
            {
                throw failure;
            }

            return await _inner.GenerateAsync(list, options, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var previous = Interlocked.CompareExchange(ref target, value, current);
            if (previous == current)
            {
                return;
            }

            current = previous;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => _inner.GetService(serviceType, serviceKey);

    public void Dispose()
    {
    }
}
