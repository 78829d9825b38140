using Microsoft.Extensions.Logging;
using RagAnything.Chunking;
using RagAnything.Diagnostics;
using RagAnything.Graph;
using RagAnything.Storage;
using RagAnything.Storage.Documents;

namespace RagAnything.Query;

/// <summary>
/// Turns ranked chunk ids into numbered citations with their document name and pages.
/// </summary>
internal sealed class CitationBuilder(ChunkRepository chunks, IDocumentStatusStore statuses, TokenCounter tokens, ILogger logger)
{
    /// <summary>
    /// Builds up to <paramref name="topK"/> citations in rank order, skipping chunks outside
    /// <paramref name="documentIds"/> and stopping when the next chunk would exceed <paramref name="tokenBudget"/>.
    /// The first chunk is always cited when there is one, because an answer needs some evidence.
    /// </summary>
    public async Task<List<Citation>> BuildAsync(
        IReadOnlyList<KeyValuePair<string, double>> ranked,
        int topK,
        IReadOnlyCollection<string>? documentIds,
        int? tokenBudget,
        CancellationToken cancellationToken)
    {
        var chunkRecords = await chunks.GetManyAsync(ranked.Select(pair => pair.Key).ToList(), cancellationToken).ConfigureAwait(false);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var citations = new List<Citation>(topK);
        var used = 0;

        foreach (var (chunkId, score) in ranked)
        {
            if (citations.Count == topK)
            {
                break;
            }

            if (!chunkRecords.TryGetValue(chunkId, out var chunk))
            {
                Log.ChunkMissing(logger, chunkId);
                continue;
            }

            if (documentIds is not null && !documentIds.Contains(chunk.DocumentId))
            {
                continue;
            }

            if (tokenBudget is { } budget)
            {
                var cost = chunk.TokenCount > 0 ? chunk.TokenCount : tokens.Count(chunk.Text);
                if (citations.Count > 0 && used + cost > budget)
                {
                    break;
                }

                used += cost;
            }

            if (!names.TryGetValue(chunk.DocumentId, out var name))
            {
                var record = await statuses.GetAsync(chunk.DocumentId, cancellationToken).ConfigureAwait(false);
                name = record?.SourceName ?? chunk.DocumentId;
                names[chunk.DocumentId] = name;
            }

            citations.Add(ToCitation(chunk, name, score, citations.Count + 1));
        }

        return citations;
    }

    /// <summary>Loads chunk records by id. Unknown ids are missing from the result.</summary>
    public ValueTask<IReadOnlyDictionary<string, Chunk>> LoadAsync(IReadOnlyCollection<string> chunkIds, CancellationToken cancellationToken)
        => chunks.GetManyAsync(chunkIds, cancellationToken);

    private static Citation ToCitation(Chunk chunk, string documentName, double score, int number) => new()
    {
        Number = number,
        DocumentId = chunk.DocumentId,
        DocumentName = documentName,
        Page = chunk.PageStart + 1,
        PageEnd = chunk.PageEnd + 1,
        ChunkId = chunk.Id,
        Score = score,
        Text = chunk.Text,
    };
}
