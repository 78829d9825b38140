using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagAnything.Hosting.Diagnostics;
using RagAnything.Ingestion;
using RagAnything.Storage.Documents;

namespace RagAnything.Hosting.Tasks;

/// <summary>
/// Takes task ids from the <see cref="ITaskQueue"/> and processes them, with at most
/// <see cref="TaskProcessingOptions.MaxConcurrency"/> running at once.
/// </summary>
internal sealed class TaskProcessorService(
    ITaskQueue queue,
    TaskCoordinator coordinator,
    DocumentProcessor processor,
    IOptions<RagAnythingHostingOptions> options,
    ILogger<TaskProcessorService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = options.Value.Tasks.MaxConcurrency;
        Log.ProcessingStarted(logger, workers);

        // One loop per worker: each takes the next id only when it is free, which bounds the concurrency.
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => RunWorkerAsync(stoppingToken))).ConfigureAwait(false);
        Log.ProcessingStopped(logger);
    }

    private async Task RunWorkerAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            string taskId;
            try
            {
                taskId = await queue.DequeueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await RunTaskAsync(taskId, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // The host is stopping: the task stays running in the store and is queued again on the next start.
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A store failure must not end the worker; the task stays in its stored state and is recovered on restart.
                Log.TaskStoreFailed(logger, exception, taskId, exception.Message);
            }
        }
    }

    private async Task RunTaskAsync(string taskId, CancellationToken stoppingToken)
    {
        var active = await coordinator.BeginAsync(taskId, stoppingToken).ConfigureAwait(false);
        if (active is null)
        {
            return;
        }

        var documentId = active.Snapshot.DocumentId;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(active.Cancellation.Token, stoppingToken);
        DocumentError? error;
        try
        {
            error = await processor.ProcessAsync(documentId, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (active.Cancellation.IsCancellationRequested)
        {
            Log.TaskCancelled(logger, taskId, documentId);
            await coordinator.CompleteAsync(active, ProcessingTaskStatus.Cancelled, null).ConfigureAwait(false);
            return;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            error = new DocumentError(PipelineStages.Ingest, ErrorCategory.Transient, $"Processing document {documentId} failed with {exception.GetType().Name}: {exception.Message}. Queue it again.");
            Log.TaskFailed(logger, exception, taskId, documentId, error.Stage, error.Category, error.Message);
            await coordinator.CompleteAsync(active, ProcessingTaskStatus.Failed, error).ConfigureAwait(false);
            return;
        }

        if (active.Cancellation.IsCancellationRequested)
        {
            // The pipeline ended the cancelled document before the worker noticed the token.
            Log.TaskCancelled(logger, taskId, documentId);
            await coordinator.CompleteAsync(active, ProcessingTaskStatus.Cancelled, null).ConfigureAwait(false);
            return;
        }

        if (error is not null)
        {
            Log.TaskFailed(logger, null, taskId, documentId, error.Stage, error.Category, error.Message);
        }

        await coordinator.CompleteAsync(active, error is null ? ProcessingTaskStatus.Succeeded : ProcessingTaskStatus.Failed, error).ConfigureAwait(false);
    }
}
