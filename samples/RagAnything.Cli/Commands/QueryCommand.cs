using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RagAnything.Errors;
using RagAnything.Query;
using RagAnything.Storage.Vectors;

namespace RagAnything.Cli.Commands;

/// <summary>
/// <c>rag query [--store DIR] [--mode naive] [--top-k N] [--json] QUESTION</c>: answers a question with citations.
/// </summary>
internal static class QueryCommand
{
    public static Command Create()
    {
        var store = CommonOptions.CreateStoreOption();
        var json = CommonOptions.CreateJsonOption();
        var verbose = CommonOptions.CreateVerboseOption();
        var mode = new Option<QueryMode>("--mode")
        {
            Description = "The query mode: naive (chunks by vector and keyword search), local (entities), global (relations), hybrid (local and global), mix (graph and chunks) or bypass (the chat model alone).",
            DefaultValueFactory = _ => QueryMode.Naive,
        };
        var topK = new Option<int?>("--top-k")
        {
            Description = "How many chunks to cite (default 5).",
        };
        topK.Validators.Add(result =>
        {
            // The raw token is checked because reading the value of an unparsable one throws instead of reporting.
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
            if (token is not null && (!int.TryParse(token, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) || value < 1))
            {
                result.AddError($"--top-k must be a whole number of at least 1, but was '{token}'.");
            }
        });

        var question = new Argument<string[]>("question")
        {
            Description = "The question. Several words are joined with spaces, so quoting is optional.",
            Arity = ArgumentArity.OneOrMore,
        };

        var command = new Command("query", "Answer a question from the ingested documents.") { store, mode, topK, json, verbose, question };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetRequiredValue(store),
            new QueryRequest
            {
                Query = string.Join(' ', parseResult.GetRequiredValue(question)),
                Mode = parseResult.GetValue(mode),
                TopK = parseResult.GetValue(topK),
            },
            parseResult.GetValue(json),
            parseResult.GetValue(verbose),
            cancellationToken));

        return command;
    }

    private static async Task<int> RunAsync(DirectoryInfo storeDirectory, QueryRequest request, bool json, bool verbose, CancellationToken cancellationToken)
    {
        if (!await RagHost.CheckStoreExistsAsync(storeDirectory).ConfigureAwait(false))
        {
            return ExitCodes.UsageError;
        }

        await using var provider = RagHost.Create(storeDirectory, verbose);
        var rag = provider.GetRequiredService<IRagAnything>();

        QueryResult result;
        try
        {
            result = await rag.QueryAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (RagAnythingException exception) when (exception.Category == ErrorCategory.Validation)
        {
            await Console.Error.WriteLineAsync($"error: {exception.Message}").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }
        catch (VectorCollectionMismatchException exception)
        {
            // The store was built with another embedding model, which this tool cannot load, so there is nothing to retry.
            await Console.Error.WriteLineAsync($"error: {exception.Message}").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        if (json)
        {
            var output = new QueryOutput(
                result.Answer,
                result.Citations.Select(citation => new CitationOutput(citation.DocumentName, citation.Page, citation.ChunkId, citation.Score, citation.Text)).ToList(),
                result.Mode.ToString().ToLowerInvariant());
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(output, CliJsonContext.Default.QueryOutput)).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        await Console.Out.WriteLineAsync(result.Answer).ConfigureAwait(false);
        if (result.Citations.Count > 0)
        {
            await Console.Out.WriteLineAsync().ConfigureAwait(false);
            await Console.Out.WriteLineAsync("Citations:").ConfigureAwait(false);
        }

        foreach (var citation in result.Citations)
        {
            var score = citation.Score.ToString("0.0000", CultureInfo.InvariantCulture);
            await Console.Out.WriteLineAsync($"  [{citation.Number}] {citation.DocumentName}, page {citation.Page} (score {score}, chunk {citation.ChunkId})").ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
