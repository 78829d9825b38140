using RagAnything.Chunking;
using RagAnything.Content;
using RagAnything.Storage.Documents;

namespace RagAnything.Ingestion.Engine;

/// <summary>
/// One document travelling through the stages: its status record, what each stage produced, and how to finish it.
/// </summary>
internal sealed class DocumentWork : IDisposable
{
    private readonly CancellationTokenSource _cancellation;
    private readonly TimeSpan _stageTimeout;

    public DocumentWork(
        DocumentStatusRecord record,
        Func<CancellationToken, ValueTask<ParsedDocument>> parse,
        CancellationToken callerToken,
        TimeSpan timeout,
        TimeProvider time)
    {
        Record = record;
        Parse = parse;
        CallerToken = callerToken;
        Started = time.GetTimestamp();
        _stageTimeout = timeout;
        Timeout = new CancellationTokenSource(System.Threading.Timeout.InfiniteTimeSpan, time);
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(callerToken, Timeout.Token);
    }

    public DocumentStatusRecord Record { get; set; }

    public Func<CancellationToken, ValueTask<ParsedDocument>> Parse { get; }

    public ParsedDocument? Document { get; set; }

    public IReadOnlyList<Chunk> Chunks { get; set; } = [];

    public IReadOnlyList<ReadOnlyMemory<float>> Vectors { get; set; } = [];

    public List<string> Warnings { get; } = [];

    /// <summary>Gets the stage the document is in, as recorded when it fails.</summary>
    public string Stage { get; set; } = PipelineStages.Ingest;

    public long Started { get; }

    public CancellationToken CallerToken { get; }

    public CancellationTokenSource Timeout { get; }

    /// <summary>Gets the token every stage observes: the caller's cancellation, the per-document timeout, or <see cref="Cancel"/>.</summary>
    public CancellationToken Token => _cancellation.Token;

    public bool CancelledByRequest { get; private set; }

    public TaskCompletionSource<IngestResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsCompleted => Completion.Task.IsCompleted;

    /// <summary>Starts the time limit of the stage the document enters.</summary>
    public void StartStageTimer() => WhileNotDisposed(() => Timeout.CancelAfter(_stageTimeout));

    /// <summary>Stops the time limit while the document waits for the next stage, since queueing is not its fault.</summary>
    public void StopStageTimer() => WhileNotDisposed(() => Timeout.CancelAfter(System.Threading.Timeout.InfiniteTimeSpan));

    /// <summary>Cancels the document's work. A document that has already finished is left as it is.</summary>
    public void Cancel()
    {
        CancelledByRequest = true;
        WhileNotDisposed(_cancellation.Cancel);
    }

    // A document can finish, and be disposed, between a caller finding it and acting on it; that is not an error.
    private static void WhileNotDisposed(Action action)
    {
        try
        {
            action();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public void Dispose()
    {
        _cancellation.Dispose();
        Timeout.Dispose();
    }
}
