using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using RagAnything.Ingestion;

namespace RagAnything.Cli.Commands;

/// <summary>
/// <c>rag resume [--store DIR]</c>: finishes every document that an interrupted run accepted but did not process.
/// </summary>
internal static class ResumeCommand
{
    public static Command Create()
    {
        var store = CommonOptions.CreateStoreOption();
        var verbose = CommonOptions.CreateVerboseOption();
        var command = new Command("resume", "Finish documents left unprocessed by an interrupted run (for example after a crash).") { store, verbose };
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult.GetRequiredValue(store), parseResult.GetValue(verbose), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(DirectoryInfo storeDirectory, bool verbose, CancellationToken cancellationToken)
    {
        if (!await RagHost.CheckStoreExistsAsync(storeDirectory).ConfigureAwait(false))
        {
            return ExitCodes.UsageError;
        }

        await using var provider = RagHost.Create(storeDirectory, verbose);
        var rag = provider.GetRequiredService<IRagAnything>();

        var results = await rag.RecoverAsync(cancellationToken).ConfigureAwait(false);

        var summary = new IngestSummary();
        foreach (var result in results)
        {
            summary.Add(result);
        }

        await Console.Out.WriteLineAsync($"Resumed {results.Count} documents.").ConfigureAwait(false);
        await summary.WriteAsync(Console.Out).ConfigureAwait(false);
        return summary.Failed.Count == 0 ? ExitCodes.Success : ExitCodes.PartialFailure;
    }
}
