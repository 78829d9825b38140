namespace RagAnything.Ingestion;

/// <summary>
/// Limits and concurrency for ingestion.
/// </summary>
public sealed class IngestionOptions
{
    /// <summary>The default size limit: 256 MiB, above any ordinary office document or PDF report.</summary>
    public const long DefaultMaxDocumentBytes = 256L * 1024 * 1024;

    /// <summary>The default time limit per document and stage: long enough to parse or embed a 500-page PDF on a small CPU.</summary>
    public static readonly TimeSpan DefaultDocumentTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Gets or sets how many files <see cref="IRagAnything.IngestFilesAsync"/> reads and submits at once. Each one
    /// keeps its bytes in memory until it is indexed, so this bounds memory; it must exceed the stages' total width
    /// for every stage to stay busy.
    /// </summary>
    /// <value>The default is <see cref="DefaultMaxConcurrentDocuments"/> (64).</value>
    public int MaxConcurrentDocuments { get; set; } = DefaultMaxConcurrentDocuments;

    /// <summary>
    /// The default number of files read at once: more than the default stage widths and capacities can hold, so no
    /// stage starves, while 64 documents of a few MiB each stay far below a gigabyte.
    /// </summary>
    public const int DefaultMaxConcurrentDocuments = 64;

    /// <summary>Gets or sets the largest document accepted, in bytes.</summary>
    /// <value>The default is <see cref="DefaultMaxDocumentBytes"/> (256 MiB).</value>
    public long MaxDocumentBytes { get; set; } = DefaultMaxDocumentBytes;

    /// <summary>
    /// Gets or sets how long one document may spend in one stage. Time spent waiting for a busy stage does not count,
    /// so a long queue never fails the documents in it.
    /// </summary>
    /// <value>The default is <see cref="DefaultDocumentTimeout"/> (10 minutes).</value>
    public TimeSpan DocumentTimeout { get; set; } = DefaultDocumentTimeout;

    /// <summary>Gets or sets whether the original bytes are kept in the blob store, so a document can be processed again.</summary>
    /// <value>
    /// The default is <see langword="true"/>. Crash recovery re-reads the originals, so documents ingested with this
    /// off are not resumed after a crash.
    /// </value>
    public bool KeepOriginals { get; set; } = true;

    /// <summary>
    /// Gets or sets how many documents may wait in front of each stage. A full stage makes the one before it wait,
    /// so memory stays bounded whatever the number of documents submitted.
    /// </summary>
    /// <value>The default is <see cref="DefaultStageCapacity"/> (16).</value>
    public int StageCapacity { get; set; } = DefaultStageCapacity;

    /// <summary>
    /// Gets or sets the number of workers of the CPU-bound stages (parse and chunk).
    /// </summary>
    /// <value>The default is <see cref="Environment.ProcessorCount"/>.</value>
    public int CpuStageWorkers { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// Gets or sets the number of documents in the embed stage at once. They wait on the shared batcher, so more
    /// documents here mean fuller model batches, not more model threads.
    /// </summary>
    /// <value>The default is <see cref="DefaultEmbedStageWorkers"/> (64).</value>
    public int EmbedStageWorkers { get; set; } = DefaultEmbedStageWorkers;

    /// <summary>Gets or sets the number of workers writing vectors and keyword rows.</summary>
    /// <value>The default is <see cref="DefaultIndexStageWorkers"/> (2).</value>
    public int IndexStageWorkers { get; set; } = DefaultIndexStageWorkers;

    /// <summary>Gets or sets the most texts sent to the embedding generator in one call, gathered across documents.</summary>
    /// <value>The default is <see cref="DefaultEmbeddingBatchSize"/> (256).</value>
    public int EmbeddingBatchSize { get; set; } = DefaultEmbeddingBatchSize;

    /// <summary>
    /// Gets or sets how long the batcher waits for more texts before sending a batch that is not full.
    /// </summary>
    /// <value>The default is <see cref="DefaultEmbeddingBatchDelay"/> (5 ms).</value>
    public TimeSpan EmbeddingBatchDelay { get; set; } = DefaultEmbeddingBatchDelay;

    /// <summary>Gets or sets the maximum number of batches the batcher has at the embedding generator at once.</summary>
    /// <value>The default is <see cref="DefaultEmbeddingConcurrency"/> (2).</value>
    public int EmbeddingConcurrency { get; set; } = DefaultEmbeddingConcurrency;

    /// <summary>Gets or sets how often buffered status changes are written to the status store.</summary>
    /// <value>The default is <see cref="DefaultStatusFlushInterval"/> (250 ms).</value>
    public TimeSpan StatusFlushInterval { get; set; } = DefaultStatusFlushInterval;

    /// <summary>Gets or sets how many buffered status changes force a write before the interval ends.</summary>
    /// <value>The default is <see cref="DefaultStatusFlushCount"/> (256).</value>
    public int StatusFlushCount { get; set; } = DefaultStatusFlushCount;

    /// <summary>
    /// Gets or sets whether documents are added to the knowledge graph after indexing, which the local, global,
    /// hybrid and mix query modes read.
    /// </summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool BuildKnowledgeGraph { get; set; } = true;

    /// <summary>
    /// Gets or sets the number of documents in the knowledge-graph stage at once. Each document runs its own chunks'
    /// extractions in parallel too, up to the graph options' limit.
    /// </summary>
    /// <value>The default is <see cref="DefaultGraphStageWorkers"/> (16).</value>
    public int GraphStageWorkers { get; set; } = DefaultGraphStageWorkers;

    /// <summary>
    /// The default graph-stage width. With a chat model this stage waits on the model, not the CPU, and small
    /// documents have only a few chunks each, so it takes many documents at once to keep every allowed call busy.
    /// </summary>
    public const int DefaultGraphStageWorkers = 16;

    /// <summary>The default stage capacity: enough queued documents to keep every worker busy between bursts.</summary>
    public const int DefaultStageCapacity = 16;

    /// <summary>
    /// The default embed-stage width. Documents here only wait on the batcher, so the width costs little memory, and
    /// 64 small documents of one to four chunks each are enough to fill a batch of <see cref="DefaultEmbeddingBatchSize"/>.
    /// </summary>
    public const int DefaultEmbedStageWorkers = 64;

    /// <summary>The default index-stage width: index writes are short and the SQLite store has one writer.</summary>
    public const int DefaultIndexStageWorkers = 2;

    /// <summary>
    /// The default batch size: eight of the ONNX generator's sub-batches of 32. The generator sorts each call's texts
    /// by length before cutting sub-batches, so a larger call pads less. Ingesting 74 PDF, Markdown and text files
    /// (about 500,000 model tokens) on the 2-core reference machine, calls of 256 texts took 23% less model CPU time
    /// than calls of 64.
    /// </summary>
    public const int DefaultEmbeddingBatchSize = 256;

    /// <summary>
    /// The default embedding concurrency. With two batches out, one can be in the model while the other goes through
    /// the embedding cache, whose second level is a database, so the model does not wait for that I/O. The ONNX
    /// generator still runs the batches one at a time, with all its threads.
    /// </summary>
    public const int DefaultEmbeddingConcurrency = 2;

    /// <summary>The default batch delay: far below one model batch's run time, so waiting costs little throughput.</summary>
    public static readonly TimeSpan DefaultEmbeddingBatchDelay = TimeSpan.FromMilliseconds(5);

    /// <summary>The default flush interval: progress stays fresh for people while writes stay few.</summary>
    public static readonly TimeSpan DefaultStatusFlushInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>The default flush count: one transaction of this size costs about as much as a handful of single writes.</summary>
    public const int DefaultStatusFlushCount = 256;
}
