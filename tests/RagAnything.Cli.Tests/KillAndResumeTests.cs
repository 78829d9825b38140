using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace RagAnything.Cli.Tests;

public sealed class KillAndResumeTests
{
    // Enough documents that the run cannot finish between the first processed line and the kill, even on a fast machine.
    private const int DocumentCount = 600;

    [Fact]
    public async Task KilledIngest_Resume_ProcessesEachDocumentOnce()
    {
        var root = Directory.CreateTempSubdirectory("rag-kill-").FullName;
        var documents = Path.Combine(root, "documents");
        var store = Path.Combine(root, "store");
        Directory.CreateDirectory(documents);
        for (var index = 0; index < DocumentCount; index++)
        {
            File.WriteAllText(Path.Combine(documents, $"note-{index:D3}.txt"), NoteText(index), Encoding.UTF8);
        }

        try
        {
            // A real child process, killed with SIGKILL once some documents are done and others are in flight.
            var killedAfter = await IngestAndKillAsync(store, documents, processedBeforeKill: 1);
            var afterKill = await ReadStatusAsync(store);
            var accepted = afterKill.Counts.Values.Sum();

            var resume = await RagProcess.RunAsync("resume", "--store", store);
            var afterResume = await ReadStatusAsync(store);

            Assert.True(killedAfter >= 1, "no document was processed before the kill");
            Assert.True(accepted < DocumentCount, $"all {accepted} documents were accepted before the kill; the test did not interrupt anything");
            Assert.True(resume.ExitCode == 0, resume.Output + resume.Error);
            Assert.Equal(accepted, afterResume.Counts["processed"]);
            Assert.Equal(accepted, afterResume.Counts.Values.Sum());
            Assert.Empty(afterResume.Failed);

            // Each note is one chunk, so one vector per accepted document means nothing was indexed twice.
            Assert.Equal(accepted, afterResume.ChunkVectors);

            var rerun = await RagProcess.RunAsync("ingest", "--store", store, documents);
            var final = await ReadStatusAsync(store);
            Assert.Equal(0, rerun.ExitCode);
            Assert.Equal(DocumentCount, final.Counts["processed"]);
            Assert.Equal(DocumentCount, final.ChunkVectors);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<int> IngestAndKillAsync(string store, string documents, int processedBeforeKill)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "rag.dll"));
        foreach (var argument in new[] { "ingest", "--store", store, documents })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var processed = 0;

        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Contains(" processed ", StringComparison.Ordinal) && ++processed >= processedBeforeKill)
            {
                break;
            }
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(timeout.Token);
        return processed;
    }

    private static async Task<StatusSnapshot> ReadStatusAsync(string store)
    {
        var run = await RagProcess.RunAsync("status", "--store", store, "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        return StatusSnapshot.Parse(run.Output);
    }

    private static string NoteText(int index)
    {
        var number = index.ToString(CultureInfo.InvariantCulture);
        return $"Field note {number}. The survey team counted {number} herons near the estuary and logged the tide at dawn. " +
            "Weather was calm and the water was clear.";
    }
}
