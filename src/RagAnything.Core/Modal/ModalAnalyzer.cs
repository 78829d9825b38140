using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using RagAnything.Chunking;
using RagAnything.Content;
using RagAnything.Graph;

namespace RagAnything.Modal;

/// <summary>
/// Turns each table, image and equation of a document into graph records: an entity for the item with its
/// description, the entities found in that description, and a <c>belongs_to</c> relation from each of them to the item.
/// </summary>
/// <remarks>
/// The records of the items attached to one chunk are cached together under that chunk, so re-indexing or
/// rebuilding needs no chat call.
/// </remarks>
internal sealed class ModalAnalyzer(
    IEnumerable<IModalProcessor> processors,
    GenericModalProcessor fallback,
    ModalContextBuilder contexts,
    ModalChat chat,
    ExtractionCache cache,
    IOptions<KnowledgeGraphOptions> options)
{
    /// <summary>The modal analysis version, part of every cached result's key; bump it when prompts or rules change.</summary>
    public const string Version = "modal-v1";

    private const string TableCellSeparator = " | ";

    private readonly KnowledgeGraphOptions _options = options.Value;

    public async Task<IReadOnlyList<ChunkContribution>> AnalyzeAsync(
        string documentId,
        ParsedDocument document,
        IReadOnlyList<Chunk> chunks,
        IEntityExtractor extractor,
        CancellationToken cancellationToken)
    {
        var identity = $"{Version}-{extractor.Identity}";
        var matcher = new ModalChunkMatcher(chunks);
        var work = new List<(int Index, Chunk Chunk)>();
        for (var index = 0; index < document.Items.Count; index++)
        {
            if (document.Items[index] is not TextItem && matcher.Match(document.Items[index]) is { } chunk)
            {
                work.Add((index, chunk));
            }
        }

        var results = new ConcurrentDictionary<string, ExtractionResult>(StringComparer.Ordinal);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentExtractions, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(work.GroupBy(entry => entry.Chunk.Id, StringComparer.Ordinal), parallel, async (group, token) =>
        {
            var cached = await cache.GetAsync(group.Key, ExtractionKind.Modal, identity, token).ConfigureAwait(false);
            if (cached is not null)
            {
                results[group.Key] = cached;
                return;
            }

            var combined = ExtractionResult.Empty;
            foreach (var (index, _) in group)
            {
                var context = new ModalContext(document.Items[index], document.SourceName, contexts.Build(document.Items, index));
                combined = combined.Append(await AnalyzeItemAsync(context, extractor, token).ConfigureAwait(false));
            }

            results[group.Key] = combined;
            await cache.SaveAsync([(group.Key, ExtractionKind.Modal, identity, combined)], token).ConfigureAwait(false);
        }).ConfigureAwait(false);

        return work
            .Select(entry => entry.Chunk.Id)
            .Distinct(StringComparer.Ordinal)
            .Select(chunkId => new ChunkContribution(chunkId, documentId, results[chunkId]))
            .ToList();
    }

    private async Task<ExtractionResult> AnalyzeItemAsync(ModalContext context, IEntityExtractor extractor, CancellationToken cancellationToken)
    {
        var processor = processors.FirstOrDefault(candidate => candidate.CanProcess(context.Item)) ?? fallback;
        var description = await processor.DescribeAsync(context, cancellationToken).ConfigureAwait(false);
        var itemEntity = new ExtractedEntity(description.EntityName, description.EntityType, description.Description);

        var source = ExtractionInput(context.Item, description.Description);
        var found = await extractor.ExtractAsync(source, cancellationToken).ConfigureAwait(false);

        var itemKey = EntityNames.ToKey(itemEntity.Name);
        var belongsTo = found.Entities
            .Where(entity => EntityNames.ToKey(entity.Name) != itemKey)
            .Select(entity => new ExtractedRelation(entity.Name, itemEntity.Name, "belongs_to", $"{entity.Name} appears in {itemEntity.Name}.", RelationWeights.Default))
            .ToList();

        return new ExtractionResult([itemEntity, .. found.Entities], [.. belongsTo, .. found.Relations], found.DroppedRecords);
    }

    // Offline, a table is read as rows of cells so that its headers and row labels become entities. A model's
    // description of any item is read as prose.
    private Chunk ExtractionInput(ContentItem item, string description)
    {
        var text = description;
        var kind = ContentKind.Text;
        if (item is TableItem table && !chat.IsAvailable)
        {
            text = string.Join('\n', table.Rows.Select(row => string.Join(TableCellSeparator, row)));
            kind = ContentKind.Table;
        }

        return new Chunk { Id = "modal-description", DocumentId = "", Text = text, Kind = kind, PageStart = item.PageIndex, PageEnd = item.PageIndex };
    }
}
