using System.Diagnostics;
using System.Text;

namespace RagAnything.Cli.Tests;

/// <summary>
/// Runs the built <c>rag</c> tool as a child process, as a user would, and captures its output.
/// </summary>
internal static class RagProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    public static async Task<RagRun> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "rag.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();

        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"rag {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        return new RagRun(process.ExitCode, await output, await error);
    }
}

/// <summary>
/// The exit code and output of one run of the tool.
/// </summary>
internal sealed record RagRun(int ExitCode, string Output, string Error);
