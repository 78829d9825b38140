using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RagAnything.Chat;

namespace RagAnything.Core.Tests.Chat;

/// <summary>
/// A chat scheduler on a fake clock, with calls that run until the test completes them.
/// </summary>
internal sealed class SchedulerHarness : IDisposable
{
    public SchedulerHarness(int initial = 2, int min = 1, int max = 8)
    {
        var options = new ChatSchedulerOptions { InitialConcurrency = initial, MinConcurrency = min, MaxConcurrency = max };
        Scheduler = new ChatScheduler(Options.Create(options), Time, NullLogger.Instance);
    }

    public FakeTimeProvider Time { get; } = new();

    public ChatScheduler Scheduler { get; }

    /// <summary>Names of the calls in the order they started.</summary>
    public List<string> Started { get; } = [];

    /// <summary>Queues a call; it starts when the scheduler gives it a slot and ends when <see cref="PendingCall.Complete"/> or <see cref="PendingCall.Fail"/> is called.</summary>
    public PendingCall Submit(string name, ChatPriority priority, CancellationToken cancellationToken = default)
    {
        var call = new PendingCall(name);
        call.Task = Scheduler.RunAsync(
            priority,
            async token =>
            {
                lock (Started)
                {
                    Started.Add(name);
                }

                call.MarkStarted();
                return await call.Result.Task.WaitAsync(token);
            },
            cancellationToken).AsTask();
        return call;
    }

    /// <summary>Waits until <paramref name="count"/> calls have started; fails the test after 5 seconds.</summary>
    public async Task WaitForStartsAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (StartedCount < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Only {StartedCount} of {count} calls started.");
            await Task.Delay(5);
        }
    }

    public int StartedCount
    {
        get
        {
            lock (Started)
            {
                return Started.Count;
            }
        }
    }

    public void Dispose() => Scheduler.Dispose();
}
