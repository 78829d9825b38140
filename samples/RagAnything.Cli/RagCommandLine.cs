using System.CommandLine;
using RagAnything.Cli.Commands;

namespace RagAnything.Cli;

/// <summary>
/// Builds the <c>rag</c> command tree and runs it.
/// </summary>
internal static class RagCommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Ingest documents and answer questions over them with RagAnything, on the embedded defaults (SQLite and the bundled all-MiniLM-L6-v2 model).")
        {
            IngestCommand.Create(),
            QueryCommand.Create(),
            StatusCommand.Create(),
            ResumeCommand.Create(),
        };

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                await Console.Error.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync("Run 'rag --help' for usage.").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        return await parseResult.InvokeAsync().ConfigureAwait(false);
    }
}
