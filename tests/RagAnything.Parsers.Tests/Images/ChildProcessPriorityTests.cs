using System.Diagnostics;
using System.Globalization;

namespace RagAnything.Parsers.Tests.Images;

public sealed class ChildProcessPriorityTests
{
    [Fact]
    public void TryLower_RunningProcess_SetsNiceValue10()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var process = Process.Start(new ProcessStartInfo("sleep", "30") { UseShellExecute = false })!;
        try
        {
            RagAnything.Parsing.ChildProcessPriority.TryLower(process);

            // Field 19 of /proc/PID/stat is the nice value; fields are counted after the ')' that ends the name.
            var stat = File.ReadAllText($"/proc/{process.Id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            Assert.Equal(10, int.Parse(fields[16], CultureInfo.InvariantCulture));
        }
        finally
        {
            process.Kill();
            process.WaitForExit();
        }
    }

    [Fact]
    public void TryLower_ExitedProcess_DoesNotThrow()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();

        var exception = Record.Exception(() => RagAnything.Parsing.ChildProcessPriority.TryLower(process));

        Assert.Null(exception);
    }
}
