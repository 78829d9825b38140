using CommunityToolkit.HighPerformance;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RagAnything.Content;
using RagAnything.Diagnostics;
using RagAnything.Errors;
using RagAnything.Ingestion.Engine;
using RagAnything.Parsing;
using RagAnything.Storage;
using RagAnything.Storage.Documents;
using RagAnything.Storage.Keyword;
using RagAnything.Storage.Vectors;

namespace RagAnything.Ingestion;

/// <summary>
/// The stages themselves, and how a document enters the pipeline and leaves it.
/// </summary>
internal sealed partial class IngestionPipeline
{
    private StageWorkerPool[] CreateStages()
    {
        var capacity = _options.StageCapacity;
        StageWorkerPool? index = null;
        StageWorkerPool? embed = null;
        StageWorkerPool? chunk = null;

        StageWorkerPool? graph = _options.BuildKnowledgeGraph && _graphIndexer is not null
            ? new StageWorkerPool(PipelineStages.Extract, _options.GraphStageWorkers, capacity, BuildGraphAsync, FailAsync, CompleteAsync)
            : null;
        index = new StageWorkerPool(
            PipelineStages.Index,
            _options.IndexStageWorkers,
            capacity,
            IndexAsync,
            FailAsync,
            graph is null ? CompleteAsync : work => graph.EnqueueAsync(work, work.Token));
        embed = new StageWorkerPool(PipelineStages.Embed, _options.EmbedStageWorkers, capacity, EmbedAsync, FailAsync, work => index.EnqueueAsync(work, work.Token));
        chunk = new StageWorkerPool(PipelineStages.Chunk, _options.CpuStageWorkers, capacity, ChunkAsync, FailAsync, work => embed.EnqueueAsync(work, work.Token));
        var parse = new StageWorkerPool(PipelineStages.Parse, _options.CpuStageWorkers, capacity, ParseStageAsync, FailAsync, work => chunk.EnqueueAsync(work, work.Token));

        return graph is null ? [parse, chunk, embed, index] : [parse, chunk, embed, index, graph];
    }

    private async Task<IngestResult> AcceptAsync(
        string sourceName,
        string sha256,
        long size,
        ReadOnlyMemory<byte> originalBytes,
        Func<CancellationToken, ValueTask<ParsedDocument>> parse,
        CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);

        var documentId = DocumentIds.FromSha256(sha256);
        var now = _time.GetUtcNow();
        var record = new DocumentStatusRecord
        {
            Id = documentId,
            SourceName = sourceName,
            Sha256 = sha256,
            Size = size,
            Status = DocumentProcessingStatus.Pending,
            BlobKey = _options.KeepOriginals ? StoreCollections.OriginalsPrefix + documentId : null,
            CreatedAt = now,
            UpdatedAt = now,
        };

        var work = new DocumentWork(record, parse, cancellationToken, _options.DocumentTimeout, _time);

        // Concurrent requests for the same bytes in this process share one run instead of racing through the stages.
        if (!_active.TryAdd(documentId, work))
        {
            work.Dispose();
            return await JoinRunningAsync(documentId, sourceName, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var known = await GetCurrentAsync(documentId, cancellationToken).ConfigureAwait(false);
            if (known is not null && known.IsTerminal)
            {
                return ReportAlreadyPresent(work, known);
            }

            // The original goes in before the record, so every accepted document can be resumed after a crash.
            if (record.BlobKey is not null && !originalBytes.IsEmpty)
            {
                using var stream = originalBytes.AsStream();
                await _blobs.WriteAsync(record.BlobKey, stream, cancellationToken).ConfigureAwait(false);
            }

            if (!await _statuses.TryAddAsync(record, cancellationToken).ConfigureAwait(false))
            {
                var existing = await GetCurrentAsync(documentId, cancellationToken).ConfigureAwait(false);
                if (existing is not null && existing.IsTerminal)
                {
                    return ReportAlreadyPresent(work, existing);
                }

                // A document left mid-way by a crash is processed again; every stage overwrites what it wrote before.
                work.Record = existing ?? record;
                Log.DocumentResumed(_logger, documentId, sourceName, work.Record.Status.ToString());
            }

            await _stages.Value[0].EnqueueAsync(work, work.Token).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            await FailAsync(work, exception).ConfigureAwait(false);
        }

        return await work.Completion.Task.ConfigureAwait(false);
    }

    private IngestResult ReportAlreadyPresent(DocumentWork work, DocumentStatusRecord existing)
    {
        Log.DocumentAlreadyPresent(_logger, existing.Id, work.Record.SourceName, existing.Status.ToString());
        _metrics.DocumentsCompleted.Add(1, new KeyValuePair<string, object?>("outcome", "already-present"));

        var result = ToResult(existing, IngestOutcome.AlreadyPresent, [], _time.GetElapsedTime(work.Started));
        Release(work);
        return AsDuplicate(result, work.Record.SourceName);
    }

    /// <summary>
    /// Reports a result that another name's run produced under the requesting name, with a warning that names the
    /// document whose content it shares, so each file of a batch of identical files can be distinguished.
    /// </summary>
    private static IngestResult AsDuplicate(IngestResult result, string sourceName)
    {
        if (string.Equals(result.SourceName, sourceName, StringComparison.Ordinal))
        {
            return result;
        }

        var note = $"The content of '{sourceName}' is identical to '{result.SourceName}' (document {result.DocumentId}), so it was stored once under that document.";
        return result with { SourceName = sourceName, Warnings = [.. result.Warnings, note] };
    }

    private async Task<IngestResult> JoinRunningAsync(string documentId, string sourceName, CancellationToken cancellationToken)
    {
        if (!_active.TryGetValue(documentId, out var running))
        {
            // The run finished between the two lookups; its outcome is in the store now.
            var stored = await GetCurrentAsync(documentId, cancellationToken).ConfigureAwait(false);
            return stored is null
                ? throw new InvalidOperationException($"Document {documentId} finished but has no status record.")
                : AsDuplicate(ToResult(stored, stored.Status == DocumentProcessingStatus.Failed ? IngestOutcome.Failed : IngestOutcome.AlreadyPresent, [], TimeSpan.Zero), sourceName);
        }

        var shared = await running.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        var outcome = shared.Outcome == IngestOutcome.Failed ? IngestOutcome.Failed : IngestOutcome.AlreadyPresent;
        return AsDuplicate(shared with { Outcome = outcome }, sourceName);
    }

    private async Task<IngestResult> ResumeFromOriginalAsync(DocumentStatusRecord record, CancellationToken cancellationToken)
    {
        await using var original = record.BlobKey is null ? null : await _blobs.OpenReadAsync(record.BlobKey, cancellationToken).ConfigureAwait(false);
        if (original is null)
        {
            var error = new DocumentError(
                PipelineStages.Ingest,
                ErrorCategory.Permanent,
                $"Document '{record.SourceName}' cannot be processed again because its original bytes were not kept. Ingest the file again.");
            var failed = record with { Status = DocumentProcessingStatus.Failed, Error = error, UpdatedAt = _time.GetUtcNow() };
            await _statuses.UpsertAsync([failed], cancellationToken).ConfigureAwait(false);
            return ToResult(failed, IngestOutcome.Failed, [], TimeSpan.Zero);
        }

        using var buffer = new MemoryStream();
        await original.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        var source = new DocumentSource(record.SourceName, buffer.ToArray());

        // The stored record is reset first, so the accept step below finds a non-terminal document and resumes it.
        await _statuses.UpsertAsync([record with { Status = DocumentProcessingStatus.Pending, Error = null, UpdatedAt = _time.GetUtcNow() }], cancellationToken).ConfigureAwait(false);
        return await AcceptAsync(source.Name, source.Sha256, source.Content.Length, ReadOnlyMemory<byte>.Empty, token => ParseAsync(source, token), cancellationToken).ConfigureAwait(false);
    }

    private async Task<IngestResult> IngestFileAsync(string path, CancellationToken cancellationToken)
    {
        var name = SafeFileName.From(Path.GetFileName(path));
        try
        {
            var length = new FileInfo(path).Length;
            if (length > _options.MaxDocumentBytes)
            {
                var error = new DocumentError(
                    PipelineStages.Ingest,
                    ErrorCategory.Validation,
                    $"File '{name}' is {length:N0} bytes, over the limit Ingestion:MaxDocumentBytes = {_options.MaxDocumentBytes:N0}. Raise the limit or split the file.");
                return new IngestResult { SourceName = name, Outcome = IngestOutcome.Failed, Status = DocumentProcessingStatus.Failed, Error = error };
            }

            var (content, sha256) = await PooledFileReader.ReadAsync(path, length, cancellationToken).ConfigureAwait(false);
            using (content)
            {
                // The pooled buffer goes back to the pool only after the document has left the pipeline.
                return await IngestAsync(new DocumentSource(name, content.Memory, sha256), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Log.FileUnreadable(_logger, exception, path, exception.Message);
            var category = exception is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException
                ? ErrorCategory.Validation
                : ErrorCategory.Transient;
            var error = new DocumentError(PipelineStages.Ingest, category, $"File '{path}' could not be read: {exception.Message}");
            return new IngestResult { SourceName = name, Outcome = IngestOutcome.Failed, Status = DocumentProcessingStatus.Failed, Error = error };
        }
    }

    private async Task ParseStageAsync(DocumentWork work)
    {
        using var activity = StartStage(work, PipelineStages.Parse, DocumentProcessingStatus.Parsing);
        var started = _time.GetTimestamp();

        var document = await work.Parse(work.Token).ConfigureAwait(false);
        work.Document = document;
        work.Warnings.AddRange(document.Warnings);
        foreach (var warning in document.Warnings)
        {
            Log.DocumentWarning(_logger, work.Record.Id, work.Record.SourceName, warning);
        }

        work.Record = work.Record with { MediaType = document.MediaType, PageCount = document.PageCount };
        RecordDuration(PipelineStages.Parse, started);
    }

    private async Task ChunkAsync(DocumentWork work)
    {
        using var activity = StartStage(work, PipelineStages.Chunk, DocumentProcessingStatus.Chunking);
        var started = _time.GetTimestamp();

        var chunks = _chunker.Chunk(work.Document!, work.Record.Id);
        if (chunks.Count == 0)
        {
            throw new DocumentParseException(
                work.Record.SourceName,
                "no-content",
                ErrorCategory.Validation,
                $"Document '{work.Record.SourceName}' contains no text to index. If it is a scan or an image, it needs OCR.");
        }

        await _chunks.SaveAsync(work.Record.Id, chunks, work.Token).ConfigureAwait(false);
        work.Chunks = chunks;
        work.Record = work.Record with { ChunkCount = chunks.Count };
        RecordDuration(PipelineStages.Chunk, started);
    }

    private async Task EmbedAsync(DocumentWork work)
    {
        using var activity = StartStage(work, PipelineStages.Embed, DocumentProcessingStatus.Embedding);
        var started = _time.GetTimestamp();

        work.Vectors = await _batcher.EmbedAsync(work.Chunks.Select(chunk => chunk.Text).ToList(), work.Token).ConfigureAwait(false);
        RecordDuration(PipelineStages.Embed, started);
    }

    private async Task IndexAsync(DocumentWork work)
    {
        using var activity = StartStage(work, PipelineStages.Index, DocumentProcessingStatus.Indexing);
        var started = _time.GetTimestamp();
        var documentId = work.Record.Id;

        var vectorRecords = work.Chunks.Select((chunk, index) => new VectorRecord(chunk.Id, documentId, work.Vectors[index])).ToList();
        await _vectors.UpsertAsync(StoreCollections.Chunks, vectorRecords, work.Token).ConfigureAwait(false);
        await _keywords.UpsertAsync(work.Chunks.Select(chunk => new KeywordDocument(chunk.Id, documentId, chunk.Text)).ToList(), work.Token).ConfigureAwait(false);

        // Cached query results were computed without this document, so they are stale now.
        _indexGeneration?.Advance();
        RecordDuration(PipelineStages.Index, started);
    }

    private async Task BuildGraphAsync(DocumentWork work)
    {
        // The graph stage keeps the Indexing status: to a caller the document is still being indexed.
        using var activity = StartStage(work, PipelineStages.Extract, DocumentProcessingStatus.Indexing);
        var started = _time.GetTimestamp();

        await _graphIndexer!.IndexAsync(work.Record.Id, work.Document!, work.Chunks, work.Token).ConfigureAwait(false);
        _indexGeneration?.Advance();
        RecordDuration(PipelineStages.Extract, started);
    }

    private ValueTask CompleteAsync(DocumentWork work)
    {
        work.Stage = PipelineStages.Done;
        var written = SetStatus(work, DocumentProcessingStatus.Processed);

        var elapsed = _time.GetElapsedTime(work.Started);
        Log.DocumentProcessed(_logger, work.Record.Id, work.Record.SourceName, work.Chunks.Count, work.Record.PageCount, (long)elapsed.TotalMilliseconds);
        _metrics.DocumentsCompleted.Add(1, new KeyValuePair<string, object?>("outcome", "processed"));

        var result = ToResult(work.Record, IngestOutcome.Processed, work.Warnings, elapsed);
        _ = FinishAfterWriteAsync(work, result, written);
        return ValueTask.CompletedTask;
    }

    // The caller learns the outcome once it is in the store, but the stage worker does not wait for that write.
    private async Task FinishAfterWriteAsync(DocumentWork work, IngestResult result, Task written)
    {
        try
        {
            await written.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Log.StatusWriteFailed(_logger, exception, work.Record.Id, work.Record.SourceName);
        }

        Release(work);
        work.Completion.TrySetResult(result);
    }

    private Task FailAsync(DocumentWork work, Exception exception)
    {
        if (work.IsCompleted)
        {
            return Task.CompletedTask;
        }

        if (exception is OperationCanceledException && work.CallerToken.IsCancellationRequested && !work.CancelledByRequest)
        {
            // The caller gave up: the document keeps its state and is resumed by recovery or the next ingest.
            Release(work);
            work.Completion.TrySetCanceled(work.CallerToken);
            return Task.CompletedTask;
        }

        var error = Classify(work, exception);
        Log.DocumentFailed(_logger, exception is RagAnythingException or OperationCanceledException ? null : exception, work.Record.Id, work.Record.SourceName, error.Stage, error.Category, error.Message);

        work.Record = work.Record with { Error = error };
        var written = SetStatus(work, DocumentProcessingStatus.Failed);
        _metrics.DocumentsCompleted.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));

        var result = ToResult(work.Record, IngestOutcome.Failed, work.Warnings, _time.GetElapsedTime(work.Started));
        return FinishAfterWriteAsync(work, result, written);
    }

    private void Release(DocumentWork work)
    {
        _active.TryRemove(new KeyValuePair<string, DocumentWork>(work.Record.Id, work));
        work.Dispose();
    }

    private DocumentError Classify(DocumentWork work, Exception exception)
    {
        if (exception is OperationCanceledException && work.CancelledByRequest)
        {
            return new DocumentError(work.Stage, ErrorCategory.Validation, $"Processing of '{work.Record.SourceName}' was cancelled by request. Process the document again to finish it.");
        }

        if (exception is OperationCanceledException && work.Timeout.IsCancellationRequested)
        {
            return new DocumentError(
                work.Stage,
                ErrorCategory.Timeout,
                $"Document '{work.Record.SourceName}' did not finish stage '{work.Stage}' within Ingestion:DocumentTimeout = {_options.DocumentTimeout}. Raise the limit or split the document.");
        }

        return exception switch
        {
            RagAnythingException known => new DocumentError(work.Stage, known.Category, known.Message),
            VectorCollectionMismatchException mismatch => new DocumentError(work.Stage, ErrorCategory.Validation, mismatch.Message),
            OutOfMemoryException => new DocumentError(work.Stage, ErrorCategory.Resource, $"Ran out of memory in stage '{work.Stage}'. Lower Ingestion:MaxConcurrentDocuments or split the document."),
            IOException io => new DocumentError(work.Stage, ErrorCategory.Transient, $"I/O error in stage '{work.Stage}': {io.Message}. Ingest the document again."),
            TimeoutException timeout => new DocumentError(work.Stage, ErrorCategory.Timeout, $"Stage '{work.Stage}' timed out: {timeout.Message}"),
            Polly.Timeout.TimeoutRejectedException => new DocumentError(
                work.Stage,
                ErrorCategory.Timeout,
                $"A model call in stage '{work.Stage}' of '{work.Record.SourceName}' timed out after every retry. Raise the resilience timeout of that stage, lower the batch size, or ingest the document again when the machine is less busy."),
            Polly.CircuitBreaker.BrokenCircuitException => new DocumentError(
                work.Stage,
                ErrorCategory.Transient,
                $"Stage '{work.Stage}' of '{work.Record.SourceName}' was skipped because recent model calls kept failing. Process the document again once the model is healthy."),
            _ => new DocumentError(work.Stage, Resilience.ErrorClassifier.Classify(exception), $"{exception.GetType().Name} in stage '{work.Stage}': {exception.Message}"),
        };
    }

    private Activity? StartStage(DocumentWork work, string stage, DocumentProcessingStatus status)
    {
        work.Stage = stage;
        SetStatus(work, status);

        var activity = RagAnythingTelemetry.ActivitySource.StartActivity($"rag.{stage}");
        activity?.SetTag("raganything.document.id", work.Record.Id);
        return activity;
    }

    private Task SetStatus(DocumentWork work, DocumentProcessingStatus status)
    {
        work.Record = work.Record with { Status = status, UpdatedAt = _time.GetUtcNow() };
        var written = _statusWriter.Enqueue(work.Record, urgent: work.Record.IsTerminal);

        _events.Publish(new IngestionProgress
        {
            DocumentId = work.Record.Id,
            SourceName = work.Record.SourceName,
            Status = status,
            Stage = work.Stage,
            Percent = PercentOf(status),
            ChunkCount = work.Record.ChunkCount,
            Error = work.Record.Error,
            Timestamp = work.Record.UpdatedAt,
        });

        return written;
    }

    private void RecordDuration(string stage, long started)
        => _metrics.StageDuration.Record(_time.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("stage", stage));

    private async ValueTask<ParsedDocument> ParseAsync(DocumentSource source, CancellationToken cancellationToken)
    {
        if (source.Content.IsEmpty)
        {
            throw new DocumentParseException(source.Name, "empty", ErrorCategory.Validation, $"Document '{source.Name}' is empty (0 bytes). Check that the file was written completely.");
        }

        var detector = _services.GetService<IMediaTypeDetector>()
            ?? throw new RagAnythingException(ErrorCategory.Validation, "No media type detector is registered. Call AddDefaultParsers() on the RagAnything builder.");

        var detection = detector is IMediaTypeInspector inspector ? inspector.Inspect(source) : new MediaTypeDetection(detector.Detect(source), null);
        var mediaType = detection.MediaType;
        var parser = _services.GetServices<IDocumentParser>().FirstOrDefault(candidate => candidate.MediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
            ?? throw new UnsupportedDocumentException(source.Name, mediaType);

        // The parse cache, parser statistics and the extension-mismatch warning are handled by ParseStageRunner.
        var cache = _services.GetService<IParseCache>();
        var statistics = _services.GetService<IParserStatistics>();
        return await ParseStageRunner.ParseAsync(parser, source, detection, cache, statistics, cancellationToken).ConfigureAwait(false);
    }

    private static int PercentOf(DocumentProcessingStatus status) => status switch
    {
        DocumentProcessingStatus.Pending => 0,
        DocumentProcessingStatus.Parsing => 10,
        DocumentProcessingStatus.Chunking => 30,
        DocumentProcessingStatus.Embedding => 40,
        DocumentProcessingStatus.Indexing => 90,
        _ => 100,
    };

    private static IngestResult ToResult(DocumentStatusRecord record, IngestOutcome outcome, IReadOnlyList<string> warnings, TimeSpan elapsed) => new()
    {
        DocumentId = record.Id,
        SourceName = record.SourceName,
        Outcome = outcome,
        Status = record.Status,
        ChunkCount = record.ChunkCount,
        PageCount = record.PageCount,
        Error = record.Error,
        Warnings = warnings,
        Elapsed = elapsed,
    };
}
