using System.Diagnostics;
using System.Globalization;

namespace RagAnything.Benchmarks.Ingestion;

/// <summary>
/// Reads the CPU time of this process split into the ONNX inference threads and everything else, from
/// <c>/proc/self/task/*/stat</c> on Linux, plus that of ended child processes (the OCR programs), so a run shows how
/// much of the machine went to the model.
/// </summary>
/// <remarks>
/// Threads that ended before the read are missing from the split but not from the process total, so their time
/// counts as "other". Linux names threads after their first 15 bytes, and threads that ONNX Runtime starts from the
/// inference thread inherit its name.
/// </remarks>
internal readonly record struct ThreadCpuTimes(TimeSpan Model, TimeSpan Total, TimeSpan Children)
{
    private const string InferenceThreadName = "RagAnything ONN";

    /// <summary>Gets the CPU time of every thread that is not an inference thread.</summary>
    public TimeSpan Other => Total - Model;

    /// <summary>Reads the current totals, or <see langword="null"/> where <c>/proc</c> is not available.</summary>
    public static ThreadCpuTimes? Read()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var ticksPerSecond = 100.0;
        long modelTicks = 0;
        foreach (var taskDirectory in Directory.EnumerateDirectories("/proc/self/task"))
        {
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(taskDirectory, "stat"));
            }
            catch (IOException)
            {
                continue;
            }

            var open = stat.IndexOf('(', StringComparison.Ordinal);
            var close = stat.LastIndexOf(')');
            if (stat[(open + 1)..close] != InferenceThreadName)
            {
                continue;
            }

            // After the name, field 3 (state) is index 0, so utime (field 14) and stime (field 15) are 11 and 12.
            var fields = stat[(close + 2)..].Split(' ');
            modelTicks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }

        // cutime and cstime (fields 16 and 17) count child processes that have ended and been waited for.
        var processStat = File.ReadAllText("/proc/self/stat");
        var processFields = processStat[(processStat.LastIndexOf(')') + 2)..].Split(' ');
        var childTicks = long.Parse(processFields[13], CultureInfo.InvariantCulture) + long.Parse(processFields[14], CultureInfo.InvariantCulture);

        using var process = Process.GetCurrentProcess();
        return new ThreadCpuTimes(TimeSpan.FromSeconds(modelTicks / ticksPerSecond), process.TotalProcessorTime, TimeSpan.FromSeconds(childTicks / ticksPerSecond));
    }

    public static ThreadCpuTimes operator -(ThreadCpuTimes after, ThreadCpuTimes before) =>
        new(after.Model - before.Model, after.Total - before.Total, after.Children - before.Children);
}
