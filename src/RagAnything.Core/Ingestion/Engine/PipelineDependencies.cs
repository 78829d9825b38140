using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using RagAnything.Chunking;
using RagAnything.Embeddings;
using RagAnything.Storage;
using RagAnything.Storage.Blobs;
using RagAnything.Storage.Documents;
using RagAnything.Storage.Keyword;
using RagAnything.Storage.Vectors;

namespace RagAnything.Ingestion.Engine;

/// <summary>
/// Everything the pipeline is built from, gathered so its constructor stays readable.
/// </summary>
internal sealed record PipelineDependencies(
    IServiceProvider Services,
    IDocumentStatusStore Statuses,
    IBlobStore Blobs,
    ChunkRepository Chunks,
    IVectorStore Vectors,
    IKeywordIndex Keywords,
    IChunker Chunker,
    EmbeddingService Embeddings,
    IngestionOptions Options,
    TimeProvider Time,
    IngestionEventHub Events,
    IMeterFactory? MeterFactory,
    ILogger Logger,
    Graph.KnowledgeGraphIndexer? GraphIndexer);
