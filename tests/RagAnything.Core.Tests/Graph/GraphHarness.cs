using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.ML.Tokenizers;
using RagAnything.Content;
using RagAnything.Core.Tests.TestDoubles;
using RagAnything.Graph;
using RagAnything.Ingestion;
using RagAnything.Storage;
using RagAnything.Storage.Blobs;
using RagAnything.Storage.Graph;
using RagAnything.Storage.Vectors;

namespace RagAnything.Core.Tests.Graph;

/// <summary>
/// A RagAnything service provider on in-memory stores, the BERT tokenizer and the hashing embedding generator,
/// that ingests content lists and then indexes them into the knowledge graph directly.
/// </summary>
internal sealed class GraphHarness : IAsyncDisposable
{
    private GraphHarness(ServiceProvider services)
    {
        Services = services;
    }

    public ServiceProvider Services { get; }

    public IRagAnything Rag => Services.GetRequiredService<IRagAnything>();

    public KnowledgeGraphIndexer Indexer => Services.GetRequiredService<KnowledgeGraphIndexer>();

    public IGraphStore Graph => Services.GetRequiredService<IGraphStore>();

    public IVectorStore Vectors => Services.GetRequiredService<IVectorStore>();

    public IBlobStore Blobs => Services.GetRequiredService<IBlobStore>();

    public static GraphHarness Create(IChatClient? chat = null, Action<RagAnythingOptions>? configure = null, Action<KnowledgeGraphOptions>? graph = null)
    {
        var services = new ServiceCollection();
        services.AddRagAnything(configure);
        services.AddSingleton<Tokenizer>(BertVocabularyTokenizer.Instance);
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new HashingEmbeddingGenerator());
        if (graph is not null)
        {
            services.Configure(graph);
        }

        if (chat is not null)
        {
            services.AddSingleton(chat);
        }

        return new GraphHarness(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }));
    }

    /// <summary>Ingests a content list, then indexes its chunks into the graph, and returns the document id.</summary>
    public async Task<string> IngestAsync(string name, IReadOnlyList<ContentItem> items)
    {
        var result = await Rag.IngestContentAsync(name, items);
        Assert.Equal(IngestOutcome.Processed, result.Outcome);
        var documentId = result.DocumentId!;

        var repository = Services.GetRequiredService<ChunkRepository>();
        var chunkIds = await repository.GetChunkIdsAsync(documentId, CancellationToken.None);
        var chunks = (await repository.GetManyAsync(chunkIds, CancellationToken.None)).Values.OrderBy(chunk => chunk.Ordinal).ToList();
        var document = new ParsedDocument
        {
            SourceName = name,
            MediaType = "application/vnd.raganything.content-list+json",
            Sha256 = documentId,
            PageCount = items.Max(item => item.PageIndex) + 1,
            Items = items,
        };

        await Indexer.IndexAsync(documentId, document, chunks, CancellationToken.None);
        return documentId;
    }

    /// <summary>Removes a document from the graph, then deletes it, in the order the pipeline is expected to use.</summary>
    public async Task DeleteAsync(string documentId)
    {
        await Indexer.RemoveDocumentAsync(documentId, CancellationToken.None);
        Assert.True(await Rag.DeleteAsync(documentId));
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
