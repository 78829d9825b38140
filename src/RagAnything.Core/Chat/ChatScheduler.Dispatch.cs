using Microsoft.Extensions.Logging;

namespace RagAnything.Chat;

internal sealed partial class ChatScheduler
{
    // Callers hold _gate in every method of this file.
    private bool CanStart() => _inFlight[0] + _inFlight[1] < _limit && _time.GetUtcNow() >= _pausedUntil;

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

    /// <summary>Starts waiting calls, queries first, while slots are free and no pause is in force.</summary>
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

    /// <summary>Stops calls from starting for <paramref name="duration"/>, then starts the waiting ones.</summary>
    private void Pause(TimeSpan duration)
    {
        var until = _time.GetUtcNow() + duration;
        if (until <= _pausedUntil)
        {
            return;
        }

        _pausedUntil = until;
        _resumeTimer?.Dispose();
        _resumeTimer = _time.CreateTimer(static state => ((ChatScheduler)state!).Resume(), this, duration, Timeout.InfiniteTimeSpan);
        Log.Paused(_logger, (long)duration.TotalMilliseconds);
    }

    private void Resume()
    {
        lock (_gate)
        {
            // A timer may fire a little before the clock reaches the pause's end; waiting again keeps waiters from stalling.
            var remaining = _pausedUntil - _time.GetUtcNow();
            if (remaining > TimeSpan.Zero)
            {
                _resumeTimer?.Dispose();
                _resumeTimer = _time.CreateTimer(static state => ((ChatScheduler)state!).Resume(), this, remaining, Timeout.InfiniteTimeSpan);
                return;
            }

            Dispatch();
        }
    }

    private sealed class Waiter
    {
        // Continuations run on the thread pool, so a caller's code never runs inside _gate.
        public TaskCompletionSource<long> Slot { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Registration { get; set; }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2650, Level = LogLevel.Debug, Message = "Chat scheduler raised its concurrency limit to {Limit}.")]
        public static partial void LimitRaised(ILogger logger, int limit);

        [LoggerMessage(EventId = 2651, Level = LogLevel.Warning, Message = "Chat scheduler halved its concurrency limit to {Limit} after {ExceptionType} ({Category}).")]
        public static partial void LimitHalved(ILogger logger, int limit, string exceptionType, ErrorCategory category);

        [LoggerMessage(EventId = 2652, Level = LogLevel.Information, Message = "Chat scheduler paused new calls for {DelayMs} ms, as the model's Retry-After asked.")]
        public static partial void Paused(ILogger logger, long delayMs);
    }
}
