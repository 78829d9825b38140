using System.Runtime.InteropServices;

namespace RagAnything.Threading;

/// <summary>
/// Lowers the scheduling priority of a thread that runs long CPU-bound work, such as model inference or PDF parsing,
/// so that request handling in the same process gets a core first when both are runnable.
/// </summary>
/// <remarks>
/// <para>
/// On Linux the priority becomes the thread's nice value (<see cref="ThreadPriority.BelowNormal"/> is 10,
/// <see cref="ThreadPriority.Lowest"/> is 19), because .NET does not apply <see cref="Thread.Priority"/> there.
/// Threads that the lowered thread creates inherit its nice value, which is how native thread pools (such as ONNX
/// Runtime's) created from it run at the same priority. An unprivileged process cannot raise a nice value again, so
/// only lower the priority of threads that the caller owns, never of thread-pool threads.
/// </para>
/// <para>
/// Elsewhere <see cref="Thread.Priority"/> is set, which affects only the calling thread.
/// </para>
/// </remarks>
public static partial class WorkerThreadPriority
{
    private const int PriorityWhichProcess = 0;

    /// <summary>Lowers the priority of the calling thread.</summary>
    /// <param name="priority">
    /// <see cref="ThreadPriority.Normal"/> (no change), <see cref="ThreadPriority.BelowNormal"/> or
    /// <see cref="ThreadPriority.Lowest"/>.
    /// </param>
    /// <returns><see langword="true"/> when the priority was applied or is <see cref="ThreadPriority.Normal"/>; <see langword="false"/> when the system refused it.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="priority"/> is above <see cref="ThreadPriority.Normal"/>.</exception>
    public static bool LowerCurrentThread(ThreadPriority priority)
    {
        if (priority > ThreadPriority.Normal)
        {
            throw new ArgumentOutOfRangeException(nameof(priority), priority, "Only Normal, BelowNormal and Lowest are supported, because raising a priority needs privileges.");
        }

        if (priority == ThreadPriority.Normal)
        {
            return true;
        }

        Thread.CurrentThread.Priority = priority;
        if (!OperatingSystem.IsLinux())
        {
            return true;
        }

        try
        {
            int niceValue = priority == ThreadPriority.Lowest ? 19 : 10;
            return SetPriority(PriorityWhichProcess, GetThreadId(), niceValue) == 0;
        }
        catch (Exception exception) when (exception is EntryPointNotFoundException or DllNotFoundException)
        {
            // glibc before 2.30 has no gettid, so the thread then keeps its priority.
            return false;
        }
    }

    /// <summary>
    /// Gets whether <paramref name="priority"/> is one that <see cref="LowerCurrentThread"/> accepts, for options validators.
    /// </summary>
    /// <param name="priority">The priority to check.</param>
    /// <returns><see langword="true"/> for <see cref="ThreadPriority.Normal"/>, <see cref="ThreadPriority.BelowNormal"/> and <see cref="ThreadPriority.Lowest"/>.</returns>
    public static bool IsSupported(ThreadPriority priority) =>
        priority is ThreadPriority.Normal or ThreadPriority.BelowNormal or ThreadPriority.Lowest;

    // With PRIO_PROCESS and a thread id, Linux changes the nice value of that one thread.
    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();
}
