using Microsoft.Extensions.Logging;
using RagAnything.Query;

namespace RagAnything.Graph;

/// <summary>
/// Source-generated log messages of the knowledge graph. Event ids: extraction and merging 2500-2599,
/// graph queries 4500-4599.
/// </summary>
internal static partial class GraphLog
{
    [LoggerMessage(EventId = 2501, Level = LogLevel.Information, Message = "Document {DocumentId}: knowledge graph updated with {EntityCount} entities and {RelationCount} relations from {ChunkCount} chunks ({CachedChunks} from the extraction cache) in {ElapsedMs} ms.")]
    public static partial void DocumentIndexed(ILogger logger, string documentId, int entityCount, int relationCount, int chunkCount, int cachedChunks, long elapsedMs);

    [LoggerMessage(EventId = 2502, Level = LogLevel.Warning, Message = "Document {DocumentId}: {DroppedRecords} extracted records were malformed or over the per-chunk caps and were dropped.")]
    public static partial void RecordsDropped(ILogger logger, string documentId, int droppedRecords);

    [LoggerMessage(EventId = 2503, Level = LogLevel.Information, Message = "Document {DocumentId} removed from the knowledge graph: {DeletedEntities} entities and {DeletedRelations} relations deleted, {RebuiltEntities} entities and {RebuiltRelations} relations rebuilt.")]
    public static partial void DocumentRemoved(ILogger logger, string documentId, int deletedEntities, int deletedRelations, int rebuiltEntities, int rebuiltRelations);

    [LoggerMessage(EventId = 2504, Level = LogLevel.Warning, Message = "Document {DocumentId} removed, but graph record {Key} has no cached extraction for its remaining chunks, so its description was kept as it was and may still mention the removed document.")]
    public static partial void RebuildWithoutCache(ILogger logger, string documentId, string key);

    [LoggerMessage(EventId = 2505, Level = LogLevel.Debug, Message = "Document {DocumentId}: extracting with {Extractor}.")]
    public static partial void ExtractionStarted(ILogger logger, string documentId, string extractor);

    [LoggerMessage(EventId = 4501, Level = LogLevel.Debug, Message = "Query in mode {Mode} found {EntityCount} entities, {RelationCount} relations and {ChunkCount} chunks.")]
    public static partial void GraphRetrieved(ILogger logger, QueryMode mode, int entityCount, int relationCount, int chunkCount);

    [LoggerMessage(EventId = 4502, Level = LogLevel.Warning, Message = "The chat model's query keywords could not be read, so keywords were taken from the query text.")]
    public static partial void KeywordsUnreadable(ILogger logger);

    [LoggerMessage(EventId = 4503, Level = LogLevel.Trace, Message = "Query keywords: high level {HighLevel}; low level {LowLevel}.")]
    public static partial void KeywordsChosen(ILogger logger, string highLevel, string lowLevel);
}
