using System.ComponentModel;
using System.Diagnostics;

namespace RagAnything.Parsing;

/// <summary>
/// Lowers the priority of the OCR and page-rendering programs that parsers start.
/// </summary>
/// <remarks>
/// Those programs are batch work that takes seconds of CPU per page. At normal priority they compete on equal terms
/// with request handling in the host process; below normal, a request thread gets a core first.
/// </remarks>
internal static class ChildProcessPriority
{
    /// <summary>Sets <paramref name="process"/> to <see cref="ProcessPriorityClass.BelowNormal"/> (nice 10 on Linux) if the system allows it.</summary>
    public static void TryLower(Process process)
    {
        try
        {
            process.PriorityClass = ProcessPriorityClass.BelowNormal;
        }
        catch (Exception exception) when (exception is Win32Exception or InvalidOperationException or NotSupportedException)
        {
            // The program may already have exited, or the system may not allow the change; it then runs at normal priority.
        }
    }
}
