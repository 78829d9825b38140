namespace RagAnything.Core.Tests.Chat;

/// <summary>
/// A scheduled call that the test completes or fails by hand.
/// </summary>
internal sealed class PendingCall(string name)
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name { get; } = name;

    public TaskCompletionSource<string> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<string> Task { get; set; } = null!;

    public Task Started => _started.Task;

    public void MarkStarted() => _started.TrySetResult();

    /// <summary>Ends the call successfully and waits until the scheduler has released its slot.</summary>
    public async Task CompleteAsync()
    {
        Result.SetResult(Name);
        await Task;
    }

    /// <summary>Fails the call and waits until the scheduler has seen the failure.</summary>
    public async Task FailAsync(Exception exception)
    {
        Result.SetException(exception);
        await Assert.ThrowsAnyAsync<Exception>(() => Task);
    }
}
