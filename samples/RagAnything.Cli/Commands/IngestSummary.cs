using RagAnything.Ingestion;

namespace RagAnything.Cli.Commands;

/// <summary>
/// Counts ingest outcomes and prints the closing summary.
/// </summary>
internal sealed class IngestSummary
{
    public int Total { get; private set; }

    public int Processed { get; private set; }

    public int AlreadyPresent { get; private set; }

    public List<IngestResult> Failed { get; } = [];

    public void Add(IngestResult result)
    {
        Total++;
        switch (result.Outcome)
        {
            case IngestOutcome.Processed:
                Processed++;
                break;
            case IngestOutcome.AlreadyPresent:
                AlreadyPresent++;
                break;
            default:
                Failed.Add(result);
                break;
        }
    }

    public async Task WriteAsync(TextWriter writer)
    {
        await writer.WriteLineAsync().ConfigureAwait(false);
        await writer.WriteLineAsync($"Summary: {Processed} processed, {AlreadyPresent} already present, {Failed.Count} failed.").ConfigureAwait(false);

        foreach (var failure in Failed)
        {
            await writer.WriteLineAsync($"  failed: {failure.SourceName}: {failure.Error?.Message}").ConfigureAwait(false);
        }
    }
}
