using Microsoft.Extensions.Logging;
using RagAnything.Hosting.Diagnostics;
using RagAnything.Hosting.Endpoints.Contracts;
using RagAnything.Ingestion;
using RagAnything.Storage.Documents;

namespace RagAnything.Hosting.Tasks;

/// <summary>
/// Owns every change of task state: creating and queueing tasks, starting, progress, completion and
/// cancellation. Each change is stored before it is published, so a restarted server resumes from the store.
/// </summary>
/// <remarks>
/// At most one task per document is queued or running at a time; asking again returns the existing task.
/// </remarks>
internal sealed class TaskCoordinator(IRagAnything rag, TaskStore store, ITaskQueue queue, TaskEventHub events, TimeProvider time, ILogger<TaskCoordinator> logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ActiveTask> _active = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _taskByDocument = new(StringComparer.Ordinal);

    // The number of tasks that have left _taskByDocument, so QueueAsync can tell whether one finished while it read a
    // document's status. Changed under _gate.
    private long _finishedTasks;

    /// <summary>Gets the number of tasks running now.</summary>
    public int Running
    {
        get
        {
            lock (_gate)
            {
                return _active.Values.Count(active => active.Snapshot.Status == ProcessingTaskStatus.Running);
            }
        }
    }

    /// <summary>Queues a task for <paramref name="document"/>, or returns the task already queued or running for it.</summary>
    /// <param name="document">The document to process.</param>
    /// <param name="unlessFinished">
    /// When set, no task is created for a document whose stored status is already terminal. Uploads of bytes that are
    /// already present set it: the document's own task may have finished after their record was read.
    /// </param>
    /// <param name="cancellationToken">Cancels storing the task.</param>
    public async ValueTask<QueueOutcome> QueueAsync(DocumentStatusRecord document, bool unlessFinished, CancellationToken cancellationToken)
    {
        ProcessingTask task;
        while (true)
        {
            long finishedBefore = 0;
            if (unlessFinished)
            {
                lock (_gate)
                {
                    if (_taskByDocument.TryGetValue(document.Id, out var runningId))
                    {
                        return new QueueOutcome(_active[runningId].Snapshot, QueueFull: false);
                    }

                    finishedBefore = _finishedTasks;
                }

                // A task writes its document's terminal status before it leaves _taskByDocument, so once no task is
                // listed above, a finished document shows as terminal here.
                var current = await rag.GetDocumentAsync(document.Id, cancellationToken).ConfigureAwait(false);
                if (current is { IsTerminal: true })
                {
                    return QueueOutcome.AlreadyFinished;
                }
            }

            task = CreateTask(document);

            lock (_gate)
            {
                if (_taskByDocument.TryGetValue(document.Id, out var existingId))
                {
                    return new QueueOutcome(_active[existingId].Snapshot, QueueFull: false);
                }

                // A task that was queued after the check above and finished during the status read leaves that
                // status stale, so the document is checked again.
                if (unlessFinished && _finishedTasks != finishedBefore)
                {
                    continue;
                }

                _active.Add(task.Id, new ActiveTask(task));
                _taskByDocument.Add(document.Id, task.Id);
                break;
            }
        }

        await store.SaveAsync(task, cancellationToken).ConfigureAwait(false);
        if (!queue.TryEnqueue(task.Id))
        {
            Forget(task.Id);
            await store.DeleteAsync(task.Id, CancellationToken.None).ConfigureAwait(false);
            Log.QueueFull(logger, task.Id, document.Id, queue.Capacity);
            return QueueOutcome.Full;
        }

        Log.TaskQueued(logger, task.Id, document.Id);
        events.Publish(new TaskEvent(TaskEvent.StatusChanged, TaskResponse.From(task)));
        return new QueueOutcome(task, QueueFull: false);
    }

    /// <summary>Queues again every stored task that was queued or running when the previous process stopped.</summary>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        var recovered = 0;
        foreach (var stored in await store.ListAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (stored.IsTerminal)
            {
                continue;
            }

            var task = stored with { Status = ProcessingTaskStatus.Queued, Percent = 0, UpdatedAt = time.GetUtcNow() };
            lock (_gate)
            {
                if (!_taskByDocument.TryAdd(task.DocumentId, task.Id))
                {
                    continue;
                }

                _active.Add(task.Id, new ActiveTask(task));
            }

            await store.SaveAsync(task, cancellationToken).ConfigureAwait(false);
            await queue.EnqueueAsync(task.Id, cancellationToken).ConfigureAwait(false);
            recovered++;
        }

        return recovered;
    }

    /// <summary>Marks a dequeued task running, or returns <see langword="null"/> when it was cancelled or is unknown.</summary>
    public async ValueTask<ActiveTask?> BeginAsync(string taskId, CancellationToken cancellationToken)
    {
        ActiveTask? active;
        ProcessingTask snapshot;
        lock (_gate)
        {
            if (!_active.TryGetValue(taskId, out active) || active.Snapshot.Status != ProcessingTaskStatus.Queued)
            {
                return null;
            }

            var now = time.GetUtcNow();
            snapshot = active.Snapshot with { Status = ProcessingTaskStatus.Running, StartedAt = now, UpdatedAt = now };
            active.Snapshot = snapshot;
        }

        await store.SaveAsync(snapshot, cancellationToken).ConfigureAwait(false);
        Log.TaskStarted(logger, taskId, snapshot.DocumentId);
        events.Publish(new TaskEvent(TaskEvent.StatusChanged, TaskResponse.From(snapshot)));
        return active;
    }

    /// <summary>Applies a pipeline progress event to the running task of its document. Progress is kept in memory only.</summary>
    public void ReportProgress(IngestionProgress progress)
    {
        ProcessingTask snapshot;
        lock (_gate)
        {
            if (!_taskByDocument.TryGetValue(progress.DocumentId, out var taskId)
                || _active[taskId].Snapshot.Status != ProcessingTaskStatus.Running)
            {
                return;
            }

            var active = _active[taskId];
            snapshot = active.Snapshot with { Percent = progress.Percent, Stage = progress.Stage, UpdatedAt = progress.Timestamp };
            active.Snapshot = snapshot;
        }

        events.Publish(new TaskEvent(TaskEvent.Progress, TaskResponse.From(snapshot)));
    }

    public async ValueTask CompleteAsync(ActiveTask active, ProcessingTaskStatus status, DocumentError? error)
    {
        ProcessingTask snapshot;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var percent = status == ProcessingTaskStatus.Succeeded ? 100 : active.Snapshot.Percent;
            snapshot = active.Snapshot with { Status = status, Error = error, Percent = percent, UpdatedAt = now, CompletedAt = now };
            active.Snapshot = snapshot;
        }

        // The final state is stored even when the host is stopping, so it is not re-run on the next start.
        await store.SaveAsync(snapshot, CancellationToken.None).ConfigureAwait(false);
        Forget(snapshot.Id);
        Log.TaskCompleted(logger, snapshot.Id, snapshot.DocumentId, ApiNames.Of(status));
        events.Publish(new TaskEvent(TaskEvent.StatusChanged, TaskResponse.From(snapshot)));
    }

    public async ValueTask<(CancelOutcome Outcome, ProcessingTask? Task)> CancelAsync(string taskId, CancellationToken cancellationToken)
    {
        ActiveTask? queued = null;
        ProcessingTask? running = null;
        lock (_gate)
        {
            if (_active.TryGetValue(taskId, out var active))
            {
                if (active.Snapshot.Status == ProcessingTaskStatus.Running)
                {
                    active.Cancellation.Cancel();
                    running = active.Snapshot;
                }
                else if (active.Snapshot.Status == ProcessingTaskStatus.Queued)
                {
                    // Marked inside the lock, so a worker that dequeues the task before CompleteAsync below stores
                    // the cancellation finds it no longer queued and does not start it.
                    active.Snapshot = active.Snapshot with { Status = ProcessingTaskStatus.Cancelled };
                    queued = active;
                }
            }
        }

        if (running is not null)
        {
            // The worker stops waiting at once; the pipeline stops the document and records it as failed.
            rag.CancelDocument(running.DocumentId);
            return (CancelOutcome.Requested, running);
        }

        if (queued is not null)
        {
            // A queued task is dropped here; the worker that dequeues its id later finds nothing to run.
            await CompleteAsync(queued, ProcessingTaskStatus.Cancelled, null).ConfigureAwait(false);
            Log.TaskCancelled(logger, taskId, queued.Snapshot.DocumentId);
            return (CancelOutcome.Cancelled, queued.Snapshot);
        }

        var stored = await store.GetAsync(taskId, cancellationToken).ConfigureAwait(false);
        return stored is null ? (CancelOutcome.NotFound, null) : (CancelOutcome.AlreadyTerminal, stored);
    }

    /// <summary>Cancels the queued or running task of a document, if any; used before the document is deleted.</summary>
    public async ValueTask CancelForDocumentAsync(string documentId, CancellationToken cancellationToken)
    {
        string? taskId;
        lock (_gate)
        {
            _taskByDocument.TryGetValue(documentId, out taskId);
        }

        if (taskId is not null)
        {
            await CancelAsync(taskId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Returns the live state of a queued or running task, else the stored one.</summary>
    public async ValueTask<ProcessingTask?> GetAsync(string taskId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_active.TryGetValue(taskId, out var active))
            {
                return active.Snapshot;
            }
        }

        return await store.GetAsync(taskId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Overlays the live state of queued and running tasks on a page read from the store.</summary>
    public IReadOnlyList<ProcessingTask> WithLiveState(IReadOnlyList<ProcessingTask> tasks)
    {
        lock (_gate)
        {
            return tasks.Select(task => _active.TryGetValue(task.Id, out var active) ? active.Snapshot : task).ToList();
        }
    }

    private ProcessingTask CreateTask(DocumentStatusRecord document)
    {
        var now = time.GetUtcNow();
        return new ProcessingTask
        {
            Id = "task-" + Guid.CreateVersion7(now).ToString("N"),
            DocumentId = document.Id,
            DocumentName = document.SourceName,
            Status = ProcessingTaskStatus.Queued,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    private void Forget(string taskId)
    {
        ActiveTask? removed;
        lock (_gate)
        {
            if (!_active.Remove(taskId, out removed))
            {
                return;
            }

            _taskByDocument.Remove(removed.Snapshot.DocumentId);
            _finishedTasks++;
        }

        removed.Dispose();
    }
}
