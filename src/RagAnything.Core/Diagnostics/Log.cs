using Microsoft.Extensions.Logging;
using RagAnything.Query;

namespace RagAnything.Diagnostics;

/// <summary>
/// Source-generated log messages of the core. Event ids: pipeline 2xxx, query 4xxx.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Document {DocumentId} ({SourceName}) processed: {ChunkCount} chunks from {PageCount} pages in {ElapsedMs} ms.")]
    public static partial void DocumentProcessed(ILogger logger, string documentId, string sourceName, int chunkCount, int pageCount, long elapsedMs);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "Document {DocumentId} ({SourceName}) is already present with status {Status}.")]
    public static partial void DocumentAlreadyPresent(ILogger logger, string documentId, string sourceName, string status);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Document {DocumentId} ({SourceName}) failed in stage {Stage} ({Category}): {Reason}")]
    public static partial void DocumentFailed(ILogger logger, Exception? exception, string documentId, string sourceName, string stage, ErrorCategory category, string reason);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Document {DocumentId} ({SourceName}): {Warning}")]
    public static partial void DocumentWarning(ILogger logger, string documentId, string sourceName, string warning);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "File {Path} could not be read: {Reason}")]
    public static partial void FileUnreadable(ILogger logger, Exception exception, string path, string reason);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Document {DocumentId} ({SourceName}) deleted.")]
    public static partial void DocumentDeleted(ILogger logger, string documentId, string sourceName);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Debug, Message = "Document {DocumentId} ({SourceName}) resumed from status {Status}.")]
    public static partial void DocumentResumed(ILogger logger, string documentId, string sourceName, string status);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Information, Message = "Recovery found {Count} documents left in a non-terminal state; processing them again.")]
    public static partial void RecoveryStarted(ILogger logger, int count);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Error, Message = "Recovery of unfinished documents failed; they stay in their current state until the next start.")]
    public static partial void RecoveryFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Error, Message = "The final status of document {DocumentId} ({SourceName}) could not be written; it will be retried with the next batch.")]
    public static partial void StatusWriteFailed(ILogger logger, Exception exception, string documentId, string sourceName);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "Query in mode {Mode} answered with {CitationCount} citations in {ElapsedMs} ms.")]
    public static partial void QueryAnswered(ILogger logger, QueryMode mode, int citationCount, long elapsedMs);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Trace, Message = "Retrieval fused {VectorCandidates} vector and {KeywordCandidates} keyword candidates.")]
    public static partial void Retrieved(ILogger logger, int vectorCandidates, int keywordCandidates);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Chunk {ChunkId} was returned by a search but is missing from the chunk store; the index and the store disagree.")]
    public static partial void ChunkMissing(ILogger logger, string chunkId);
}
