using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagAnything.Diagnostics;
using RagAnything.Resilience;

namespace RagAnything.Chat;

/// <summary>
/// The one queue for all chat-model calls of the engine: at most <see cref="Limit"/> calls run at once, query calls
/// start before waiting ingestion calls, and the limit adapts to the model.
/// </summary>
/// <remarks>
/// The limit grows additively: by one after as many successes as the limit, while calls are waiting for a slot. It
/// halves on a rate limit (HTTP 429), an overload (HTTP 503) or a timeout, once per round of calls, because the calls
/// that were already running when the first one failed report the same overload. When the failure carries a
/// <c>Retry-After</c> hint and the limit is at its lowest, the failed call's slot stays taken until the hint has
/// passed, so with the default lowest limit of 1 no call starts before then. Safe for concurrent use.
/// </remarks>
internal sealed partial class ChatScheduler : IChatSchedulerStatus, IDisposable
{
    private readonly Lock _gate = new();
    private readonly Queue<Waiter>[] _waiting = [new(), new()];
    private readonly int[] _inFlight = new int[2];
    private readonly ChatSchedulerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Meter _meter;
    private readonly HashSet<HeldSlot> _heldSlots = [];
    private int _limit;
    private int _successCredit;
    private long _round;

    public ChatScheduler(IOptions<ChatSchedulerOptions> options, TimeProvider time, ILogger logger, IMeterFactory? meterFactory = null)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
        _limit = _options.InitialConcurrency;

        _meter = meterFactory?.Create(RagAnythingTelemetry.Name) ?? new Meter(RagAnythingTelemetry.Name);
        _meter.CreateObservableGauge(
            RagAnythingTelemetry.ChatCallsInFlight,
            () => Enum.GetValues<ChatPriority>().Select(priority => new Measurement<int>(
                GetInFlight(priority),
                new KeyValuePair<string, object?>("priority", priority.ToString().ToLowerInvariant()))),
            unit: "{call}",
            description: "Chat-model calls in flight, by priority.");
    }

    public int Limit
    {
        get
        {
            lock (_gate)
            {
                return _limit;
            }
        }
    }

    public int GetInFlight(ChatPriority priority)
    {
        lock (_gate)
        {
            return _inFlight[(int)priority];
        }
    }

    public int GetWaiting(ChatPriority priority)
    {
        lock (_gate)
        {
            return _waiting[(int)priority].Count(waiter => !waiter.Slot.Task.IsCompleted);
        }
    }

    /// <summary>
    /// Waits for a slot, runs <paramref name="call"/> in it and adapts the limit to how the call ended. A call
    /// cancelled by <paramref name="cancellationToken"/> does not change the limit.
    /// </summary>
    public async ValueTask<T> RunAsync<T>(ChatPriority priority, Func<CancellationToken, ValueTask<T>> call, CancellationToken cancellationToken)
    {
        var round = await AcquireAsync(priority, cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await call(cancellationToken).ConfigureAwait(false);
            OnSucceeded();
            return result;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            OnFailed(exception, round);
            throw;
        }
        finally
        {
            Release(priority);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var held in _heldSlots)
            {
                held.Timer?.Dispose();
            }

            _heldSlots.Clear();
        }

        _meter.Dispose();
    }

    private ValueTask<long> AcquireAsync(ChatPriority priority, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Waiter waiter;
        lock (_gate)
        {
            // A call may start at once only if no call of its own or a higher priority is already waiting.
            if (CanStart() && NoneWaitingAtOrAbove(priority))
            {
                _inFlight[(int)priority]++;
                return ValueTask.FromResult(_round);
            }

            waiter = new Waiter();
            _waiting[(int)priority].Enqueue(waiter);

            // Waiters cancelled at the head of a queue are skipped here, so they cannot hold this call back.
            Dispatch();
        }

        if (cancellationToken.CanBeCanceled)
        {
            waiter.Registration = cancellationToken.Register(static state => ((Waiter)state!).Slot.TrySetCanceled(), waiter);
        }

        return new ValueTask<long>(waiter.Slot.Task);
    }

    private void Release(ChatPriority priority)
    {
        lock (_gate)
        {
            _inFlight[(int)priority]--;
            Dispatch();
        }
    }

    private void OnSucceeded()
    {
        lock (_gate)
        {
            // Grow only while calls wait for a slot, because an idle scheduler learns nothing about the model from a success.
            var demand = _waiting[0].Count + _waiting[1].Count;
            if (demand == 0 || _limit >= _options.MaxConcurrency)
            {
                return;
            }

            _successCredit++;
            if (_successCredit >= _limit)
            {
                _successCredit = 0;
                _limit++;
                Log.LimitRaised(_logger, _limit);
                Dispatch();
            }
        }
    }

    private void OnFailed(Exception exception, long round)
    {
        if (!IsOverload(exception))
        {
            return;
        }

        var hasHint = RetryAfterHint.TryGet(exception, _time.GetUtcNow(), out var retryAfter);
        lock (_gate)
        {
            // Calls that started before the last decrease ran under the old limit; their failures are already counted.
            if (round == _round)
            {
                _round++;
                _successCredit = 0;
                _limit = Math.Max(_options.MinConcurrency, _limit / 2);
                Log.LimitHalved(_logger, _limit, exception.GetType().Name, ErrorClassifier.Classify(exception));
            }

            // Above the lowest limit, halving is the response, and the retry pipeline delays the failed call by the hint.
            if (hasHint && _limit == _options.MinConcurrency)
            {
                HoldSlot(retryAfter);
            }
        }
    }

    private static bool IsOverload(Exception exception)
    {
        if (exception is RateLimitedException || RetryAfterHint.TryGet(exception, DateTimeOffset.MinValue, out _))
        {
            return true;
        }

        return exception is System.Net.Http.HttpRequestException { StatusCode: System.Net.HttpStatusCode.TooManyRequests or System.Net.HttpStatusCode.ServiceUnavailable }
            || ErrorClassifier.Classify(exception) == ErrorCategory.Timeout;
    }
}
