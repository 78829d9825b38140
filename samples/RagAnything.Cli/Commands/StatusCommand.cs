using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RagAnything.Storage;
using RagAnything.Storage.Documents;
using RagAnything.Storage.Vectors;

namespace RagAnything.Cli.Commands;

/// <summary>
/// <c>rag status [--store DIR] [--json]</c>: document counts by status and the failed documents with their errors.
/// </summary>
internal static class StatusCommand
{
    private const int PageSize = 500;

    public static Command Create()
    {
        var store = CommonOptions.CreateStoreOption();
        var json = CommonOptions.CreateJsonOption();
        var command = new Command("status", "Show document counts by status and the failed documents.") { store, json };
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult.GetRequiredValue(store), parseResult.GetValue(json), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(DirectoryInfo storeDirectory, bool json, CancellationToken cancellationToken)
    {
        if (!await RagHost.CheckStoreExistsAsync(storeDirectory).ConfigureAwait(false))
        {
            return ExitCodes.UsageError;
        }

        await using var provider = RagHost.Create(storeDirectory, verbose: false);
        var statuses = provider.GetRequiredService<IDocumentStatusStore>();

        var counts = await statuses.GetCountsAsync(cancellationToken).ConfigureAwait(false);
        var chunkVectors = await provider.GetRequiredService<IVectorStore>().CountAsync(StoreCollections.Chunks, cancellationToken).ConfigureAwait(false);
        var failed = await ListFailedAsync(statuses, cancellationToken).ConfigureAwait(false);
        var embeddingModel = StorePrecision.ReadChunkModelId(Path.Combine(storeDirectory.FullName, RagHost.DatabaseFileName));

        var countsByName = Enum.GetValues<DocumentProcessingStatus>()
            .ToDictionary(status => status.ToString().ToLowerInvariant(), status => counts.GetValueOrDefault(status));

        if (json)
        {
            var output = new StatusOutput(
                countsByName,
                chunkVectors,
                embeddingModel,
                failed.Select(record => new FailedDocumentOutput(
                    record.Id,
                    record.SourceName,
                    record.Error?.Stage ?? string.Empty,
                    record.Error?.Category.ToString().ToLowerInvariant() ?? string.Empty,
                    record.Error?.Message ?? string.Empty)).ToList());
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(output, CliJsonContext.Default.StatusOutput)).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var vectorsOf = embeddingModel is null ? string.Empty : $" of {embeddingModel}";
        await Console.Out.WriteLineAsync($"Store: {storeDirectory.FullName} ({chunkVectors} chunk vectors{vectorsOf})").ConfigureAwait(false);
        foreach (var (status, count) in countsByName)
        {
            await Console.Out.WriteLineAsync($"  {status,-11} {count}").ConfigureAwait(false);
        }

        if (failed.Count > 0)
        {
            await Console.Out.WriteLineAsync().ConfigureAwait(false);
            await Console.Out.WriteLineAsync("Failed documents:").ConfigureAwait(false);
        }

        foreach (var record in failed)
        {
            await Console.Out.WriteLineAsync($"  {record.SourceName} ({record.Id}): [{record.Error?.Stage}/{record.Error?.Category.ToString().ToLowerInvariant()}] {record.Error?.Message}").ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    private static async Task<List<DocumentStatusRecord>> ListFailedAsync(IDocumentStatusStore statuses, CancellationToken cancellationToken)
    {
        var failed = new List<DocumentStatusRecord>();
        string? continuation = null;

        do
        {
            var page = await statuses.ListAsync(
                new DocumentStatusQuery { Status = DocumentProcessingStatus.Failed, PageSize = PageSize, ContinuationToken = continuation },
                cancellationToken).ConfigureAwait(false);
            failed.AddRange(page.Items);
            continuation = page.ContinuationToken;
        }
        while (continuation is not null);

        return failed;
    }
}
