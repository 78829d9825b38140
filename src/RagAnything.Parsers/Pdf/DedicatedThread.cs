using RagAnything.Threading;

namespace RagAnything.Parsing;

/// <summary>
/// Runs synchronous work on a new background thread with a chosen stack size and returns a task for its result.
/// </summary>
/// <remarks>
/// A thread cannot be aborted in .NET, so work that ignores its cancellation token keeps running until it returns.
/// The caller's wait ends at its own timeout, and the thread's late result is discarded.
/// </remarks>
internal static class DedicatedThread
{
    public static Task<T> RunAsync<T>(Func<T> work, int maxStackSize, string name, ThreadPriority priority = ThreadPriority.Normal)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(
            () =>
            {
                try
                {
                    // A refused priority only costs latency elsewhere, so the work runs at normal priority then.
                    WorkerThreadPriority.LowerCurrentThread(priority);
                    completion.SetResult(work());
                }
                catch (Exception exception)
                {
                    completion.SetException(exception);
                }
            },
            maxStackSize)
        {
            IsBackground = true,
            Name = name,
        };

        thread.Start();
        return completion.Task;
    }
}
