using System.Net;
using RagAnything.Chat;
using RagAnything.Resilience;

namespace RagAnything.Core.Tests.Chat;

public sealed class ChatSchedulerTests
{
    [Fact]
    public async Task Limit_CapsCallsInFlight()
    {
        using var harness = new SchedulerHarness(initial: 2);

        var calls = Enumerable.Range(0, 4).Select(i => harness.Submit($"call{i}", ChatPriority.Ingest)).ToList();
        await harness.WaitForStartsAsync(2);
        await Task.Delay(50);

        Assert.Equal(2, harness.StartedCount);
        Assert.Equal(2, harness.Scheduler.GetInFlight(ChatPriority.Ingest));
        Assert.Equal(2, harness.Scheduler.GetWaiting(ChatPriority.Ingest));

        foreach (var call in calls)
        {
            await call.Started;
            await call.CompleteAsync();
        }
    }

    [Fact]
    public async Task Limit_GrowsOnSuccessWhileCallsWait()
    {
        using var harness = new SchedulerHarness(initial: 2, max: 8);
        var calls = Enumerable.Range(0, 12).Select(i => harness.Submit($"call{i}", ChatPriority.Ingest)).ToList();

        // Two successes at limit 2 earn one more slot.
        await calls[0].Started;
        await calls[0].CompleteAsync();
        await calls[1].Started;
        await calls[1].CompleteAsync();

        Assert.Equal(3, harness.Scheduler.Limit);

        foreach (var call in calls.Skip(2))
        {
            await call.Started;
            await call.CompleteAsync();
        }

        Assert.True(harness.Scheduler.Limit > 3, $"The limit stayed at {harness.Scheduler.Limit} after 12 successes with calls waiting.");
        Assert.True(harness.Scheduler.Limit <= 8);
    }

    [Fact]
    public async Task Limit_StaysWhenNothingWaits()
    {
        using var harness = new SchedulerHarness(initial: 2);

        for (var i = 0; i < 6; i++)
        {
            var call = harness.Submit($"call{i}", ChatPriority.Ingest);
            await call.Started;
            await call.CompleteAsync();
        }

        Assert.Equal(2, harness.Scheduler.Limit);
    }

    [Fact]
    public async Task Limit_HalvesOn429()
    {
        using var harness = new SchedulerHarness(initial: 8);
        var call = harness.Submit("rejected", ChatPriority.Ingest);
        await call.Started;

        await call.FailAsync(new HttpRequestException("Too many requests", null, HttpStatusCode.TooManyRequests));

        Assert.Equal(4, harness.Scheduler.Limit);
    }

    [Fact]
    public async Task Limit_HalvesOncePerRound()
    {
        using var harness = new SchedulerHarness(initial: 8);
        var calls = Enumerable.Range(0, 3).Select(i => harness.Submit($"call{i}", ChatPriority.Ingest)).ToList();
        await harness.WaitForStartsAsync(3);

        // All three ran under limit 8, so together they report one overload.
        foreach (var call in calls)
        {
            await call.FailAsync(new HttpRequestException("Service unavailable", null, HttpStatusCode.ServiceUnavailable));
        }

        Assert.Equal(4, harness.Scheduler.Limit);
    }

    [Fact]
    public async Task Limit_KeepsOnPermanentError()
    {
        using var harness = new SchedulerHarness(initial: 4);
        var call = harness.Submit("bad", ChatPriority.Ingest);
        await call.Started;

        await call.FailAsync(new HttpRequestException("Bad request", null, HttpStatusCode.BadRequest));

        Assert.Equal(4, harness.Scheduler.Limit);
    }

    [Fact]
    public async Task Limit_NeverBelowMinimum()
    {
        using var harness = new SchedulerHarness(initial: 2, min: 2);
        var call = harness.Submit("timed-out", ChatPriority.Ingest);
        await call.Started;

        await call.FailAsync(new TimeoutException("The model did not answer."));

        Assert.Equal(2, harness.Scheduler.Limit);
    }

    [Fact]
    public async Task RetryAfter_AboveLowestLimit_OthersStart()
    {
        // Limit 4 halves to 2 on the rejection. The halving is the response, so both free slots take calls at once.
        using var harness = new SchedulerHarness(initial: 4);
        var rejected = harness.Submit("rejected", ChatPriority.Ingest);
        await rejected.Started;

        await rejected.FailAsync(new RateLimitedException("Rate limited.", TimeSpan.FromSeconds(2)));
        var first = harness.Submit("first", ChatPriority.Ingest);
        var second = harness.Submit("second", ChatPriority.Ingest);

        Assert.Equal(2, harness.Scheduler.Limit);
        await first.Started.WaitAsync(TimeSpan.FromSeconds(5));
        await second.Started.WaitAsync(TimeSpan.FromSeconds(5));
        await first.CompleteAsync();
        await second.CompleteAsync();
    }

    [Fact]
    public async Task RetryAfter_AtLowestLimit_DelaysNextStart()
    {
        using var harness = new SchedulerHarness(initial: 2, min: 1);
        var first = harness.Submit("rejected", ChatPriority.Ingest);
        await first.Started;

        await first.FailAsync(new RateLimitedException("Rate limited.", TimeSpan.FromSeconds(2)));
        var next = harness.Submit("next", ChatPriority.Ingest);
        await Task.Delay(50);

        Assert.Equal(1, harness.Scheduler.Limit);
        Assert.False(next.Started.IsCompleted, "A call started before the Retry-After time.");

        harness.Time.Advance(TimeSpan.FromMilliseconds(1900));
        await Task.Delay(50);
        Assert.False(next.Started.IsCompleted, "A call started 100 ms before the Retry-After time.");

        harness.Time.Advance(TimeSpan.FromMilliseconds(100));
        await next.Started.WaitAsync(TimeSpan.FromSeconds(5));
        await next.CompleteAsync();
    }

    [Fact]
    public async Task RetryAfter_EveryCallRejected_StopsAllStarts()
    {
        // Both calls ran in one round, so the limit halves once, to the lowest limit of 1, and each keeps its slot taken.
        using var harness = new SchedulerHarness(initial: 2, min: 1);
        var calls = Enumerable.Range(0, 2).Select(i => harness.Submit($"call{i}", ChatPriority.Ingest)).ToList();
        await harness.WaitForStartsAsync(2);

        foreach (var call in calls)
        {
            var exception = new HttpRequestException("Too many requests", null, HttpStatusCode.TooManyRequests);
            exception.Data[RetryAfterHint.DataKey] = TimeSpan.FromSeconds(1);
            await call.FailAsync(exception);
        }

        var next = harness.Submit("next", ChatPriority.Ingest);
        await Task.Delay(50);

        Assert.Equal(1, harness.Scheduler.Limit);
        Assert.False(next.Started.IsCompleted, "A call started while every slot was held for a Retry-After.");

        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await next.Started.WaitAsync(TimeSpan.FromSeconds(5));
        await next.CompleteAsync();
    }

    [Fact]
    public async Task RetryAfter_ReadFromHttpExceptionData()
    {
        using var harness = new SchedulerHarness(initial: 2, min: 1);
        var first = harness.Submit("rejected", ChatPriority.Ingest);
        await first.Started;
        var exception = new HttpRequestException("Too many requests", null, HttpStatusCode.TooManyRequests);
        exception.Data[RetryAfterHint.DataKey] = "1";

        await first.FailAsync(exception);
        var next = harness.Submit("next", ChatPriority.Ingest);
        await Task.Delay(50);
        Assert.False(next.Started.IsCompleted);

        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await next.Started.WaitAsync(TimeSpan.FromSeconds(5));
        await next.CompleteAsync();
    }

    [Fact]
    public async Task Queries_OvertakeWaitingIngestion()
    {
        using var harness = new SchedulerHarness(initial: 1, max: 1);
        var running = harness.Submit("ingest-running", ChatPriority.Ingest);
        await running.Started;

        var ingest1 = harness.Submit("ingest-1", ChatPriority.Ingest);
        var ingest2 = harness.Submit("ingest-2", ChatPriority.Ingest);
        var query = harness.Submit("query", ChatPriority.Query);

        await running.CompleteAsync();
        await query.Started.WaitAsync(TimeSpan.FromSeconds(5));
        await query.CompleteAsync();
        await ingest1.Started.WaitAsync(TimeSpan.FromSeconds(5));
        await ingest1.CompleteAsync();
        await ingest2.Started.WaitAsync(TimeSpan.FromSeconds(5));
        await ingest2.CompleteAsync();

        Assert.Equal(["ingest-running", "query", "ingest-1", "ingest-2"], harness.Started);
    }

    [Fact]
    public async Task CancelledWaiter_TakesNoSlot()
    {
        using var harness = new SchedulerHarness(initial: 1, max: 1);
        var running = harness.Submit("running", ChatPriority.Ingest);
        await running.Started;
        using var cancellation = new CancellationTokenSource();
        var cancelled = harness.Submit("cancelled", ChatPriority.Ingest, cancellation.Token);
        var next = harness.Submit("next", ChatPriority.Ingest);

        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.Task);
        await running.CompleteAsync();

        await next.Started.WaitAsync(TimeSpan.FromSeconds(5));
        await next.CompleteAsync();
        Assert.Equal(["running", "next"], harness.Started);
    }
}
