using Microsoft.Extensions.Logging;

namespace RagAnything.Chat;

internal sealed partial class ChatScheduler
{
    // Callers hold _gate in every method of this file.
    private bool CanStart() => _inFlight[0] + _inFlight[1] + _heldSlots.Count < _limit;

    private bool NoneWaitingAtOrAbove(ChatPriority priority)
    {
        for (var level = 0; level <= (int)priority; level++)
        {
            if (_waiting[level].Count > 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Starts waiting calls, queries first, while slots are free.</summary>
    private void Dispatch()
    {
        while (CanStart())
        {
            var level = _waiting[0].Count > 0 ? 0 : 1;
            if (!_waiting[level].TryDequeue(out var waiter))
            {
                return;
            }

            // A waiter whose caller cancelled has already completed and takes no slot.
            waiter.Registration.Dispose();
            if (waiter.Slot.TrySetResult(_round))
            {
                _inFlight[level]++;
            }
        }
    }

    /// <summary>
    /// Keeps the slot of a call the model rejected taken for <paramref name="duration"/>, the wait its
    /// <c>Retry-After</c> requested.
    /// </summary>
    /// <remarks>
    /// Only calls rejected at the lowest limit hold a slot. Stopping every start for each hint instead left a model
    /// with 8 slots 87% idle in the chat-utilisation benchmark (10% of calls rejected with a 1-second hint), because a
    /// new rejection came about once a second.
    /// </remarks>
    private void HoldSlot(TimeSpan duration)
    {
        var held = new HeldSlot(this);
        _heldSlots.Add(held);

        // The callback takes _gate, which the caller holds, so it cannot end the hold before Timer is set.
        held.Timer = _time.CreateTimer(static state => ((HeldSlot)state!).End(), held, duration, Timeout.InfiniteTimeSpan);
        Log.SlotHeld(_logger, (long)duration.TotalMilliseconds, _heldSlots.Count);
    }

    private void EndHold(HeldSlot held)
    {
        lock (_gate)
        {
            // A hold that Dispose already ended is no longer in the set.
            if (!_heldSlots.Remove(held))
            {
                return;
            }

            held.Timer?.Dispose();
            Dispatch();
        }
    }

    private sealed class Waiter
    {
        // Continuations run on the thread pool, so a caller's code never runs inside _gate.
        public TaskCompletionSource<long> Slot { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Registration { get; set; }
    }

    private sealed class HeldSlot(ChatScheduler owner)
    {
        public ITimer? Timer { get; set; }

        public void End() => owner.EndHold(this);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2650, Level = LogLevel.Debug, Message = "Chat scheduler raised its concurrency limit to {Limit}.")]
        public static partial void LimitRaised(ILogger logger, int limit);

        [LoggerMessage(EventId = 2651, Level = LogLevel.Warning, Message = "Chat scheduler halved its concurrency limit to {Limit} after {ExceptionType} ({Category}).")]
        public static partial void LimitHalved(ILogger logger, int limit, string exceptionType, ErrorCategory category);

        [LoggerMessage(EventId = 2652, Level = LogLevel.Information, Message = "Chat scheduler holds a rejected call's slot for {DelayMs} ms, as the model's Retry-After requested, with {HeldSlots} slots held in all.")]
        public static partial void SlotHeld(ILogger logger, long delayMs, int heldSlots);
    }
}
