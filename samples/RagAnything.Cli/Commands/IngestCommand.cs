using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RagAnything.Ingestion;

namespace RagAnything.Cli.Commands;

/// <summary>
/// <c>rag ingest [--store DIR] PATH...</c>: ingests files and folders (recursively) and prints a summary.
/// </summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var store = CommonOptions.CreateStoreOption();
        var verbose = CommonOptions.CreateVerboseOption();
        var paths = new Argument<string[]>("path")
        {
            Description = "Files or folders to ingest. Folders are read recursively; hidden files are skipped.",
            Arity = ArgumentArity.OneOrMore,
        };

        var command = new Command("ingest", "Ingest documents into the store.") { store, verbose, paths };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetRequiredValue(store),
            parseResult.GetRequiredValue(paths),
            parseResult.GetValue(verbose),
            cancellationToken));

        return command;
    }

    private static async Task<int> RunAsync(DirectoryInfo storeDirectory, string[] paths, bool verbose, CancellationToken cancellationToken)
    {
        var missing = paths.Where(path => !File.Exists(path) && !Directory.Exists(path)).ToList();
        if (missing.Count > 0)
        {
            foreach (var path in missing)
            {
                await Console.Error.WriteLineAsync($"error: path not found: {path}").ConfigureAwait(false);
            }

            return ExitCodes.UsageError;
        }

        var files = FileExpander.Expand(paths);
        if (files.Count == 0)
        {
            await Console.Error.WriteLineAsync("error: the paths contain no files to ingest.").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        await using var provider = RagHost.Create(storeDirectory, verbose);
        var rag = provider.GetRequiredService<IRagAnything>();
        var summary = new IngestSummary();
        var width = files.Count.ToString(CultureInfo.InvariantCulture).Length;

        await Console.Out.WriteLineAsync($"Ingesting {files.Count} files into {storeDirectory.FullName}").ConfigureAwait(false);
        await foreach (var result in rag.IngestFilesAsync(files, cancellationToken).ConfigureAwait(false))
        {
            summary.Add(result);
            var counter = $"[{summary.Total.ToString(CultureInfo.InvariantCulture).PadLeft(width)}/{files.Count}]";
            await Console.Out.WriteLineAsync($"{counter} {Describe(result)}").ConfigureAwait(false);
        }

        await summary.WriteAsync(Console.Out).ConfigureAwait(false);
        return summary.Failed.Count == 0 ? ExitCodes.Success : ExitCodes.PartialFailure;
    }

    private static string Describe(IngestResult result)
    {
        var seconds = result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        return result.Outcome switch
        {
            IngestOutcome.Processed => $"processed       {result.SourceName} ({result.ChunkCount} chunks, {result.PageCount} pages, {seconds} s)",
            IngestOutcome.AlreadyPresent => $"already present {result.SourceName} ({result.Status.ToString().ToLowerInvariant()})",
            _ => $"failed          {result.SourceName}: [{result.Error?.Stage}/{result.Error?.Category.ToString().ToLowerInvariant()}] {result.Error?.Message}",
        };
    }
}
