using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RagAnything;
using RagAnything.Chunking;
using RagAnything.DependencyInjection;
using RagAnything.Embeddings;
using RagAnything.Graph;
using RagAnything.Ingestion;
using RagAnything.Ingestion.Engine;
using RagAnything.Modal;
using RagAnything.Query;
using RagAnything.Storage;
using RagAnything.Storage.Blobs;
using RagAnything.Storage.Documents;
using RagAnything.Storage.Graph;
using RagAnything.Storage.InMemory;
using RagAnything.Storage.Keyword;
using RagAnything.Storage.KeyValue;
using RagAnything.Storage.Vectors;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers RagAnything in a service collection.
/// </summary>
public static class RagAnythingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IRagAnything"/>, the chunker, in-memory stores (replaced by any store package registered
    /// before or after) and validated options. Nothing heavy is created here: models and databases open on first use.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets options; they are validated when the host starts or on first resolution.</param>
    /// <returns>A builder for adding parsers, embeddings and stores.</returns>
    public static IRagAnythingBuilder AddRagAnything(this IServiceCollection services, Action<RagAnythingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        var optionsBuilder = services.AddOptions<RagAnythingOptions>();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        optionsBuilder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RagAnythingOptions>, RagAnythingOptionsValidator>());
        services.TryAddSingleton<IOptions<ChunkingOptions>>(provider => Options.Options.Create(provider.GetRequiredService<IOptions<RagAnythingOptions>>().Value.Chunking));
        services.TryAddSingleton(TimeProvider.System);

        AddInMemoryStores(services);
        AddCachesAndScheduling(services);
        RagAnything.Caching.LlmResponseCacheRegistration.Add(services);

        services.TryAddSingleton<IChunker, TokenChunker>();
        services.TryAddSingleton(provider => new ChunkRepository(provider.GetRequiredService<IKeyValueStore>()));
        services.TryAddSingleton(provider => new EmbeddingService(provider, provider.GetRequiredService<IVectorStore>()));
        services.TryAddSingleton(provider => new ExtractiveAnswerer(provider.GetRequiredService<EmbeddingService>()));
        AddKnowledgeGraph(services);
        services.TryAddSingleton<IngestionEventHub>();
        services.TryAddSingleton(CreatePipeline);
        services.TryAddSingleton(CreateQueryEngine);
        services.TryAddSingleton<IRagAnything>(provider => new RagAnythingEngine(
            provider.GetRequiredService<IngestionPipeline>(),
            provider.GetRequiredService<QueryEngine>()));

        // Hosts built on Microsoft.Extensions.Hosting resume unfinished documents on start; other hosts call RecoverAsync.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, RecoveryHostedService>());

        return new RagAnythingBuilder(services);
    }

    // The cache layers, the index generation, the resilience pipelines and the chat scheduler. The distributed
    // cache is optional: a store package such as SQLite registers one, and without it the caches stay in memory.
    private static void AddCachesAndScheduling(IServiceCollection services)
    {
        services.AddOptions<RagAnything.Caching.CacheOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RagAnything.Caching.CacheOptions>, RagAnything.Caching.CacheOptionsValidator>());
        services.TryAddSingleton(provider => new RagAnything.Caching.CacheRegistry(
            provider.GetRequiredService<IOptions<RagAnything.Caching.CacheOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<Microsoft.Extensions.Caching.Distributed.IDistributedCache>(),
            provider.GetService<ILoggerFactory>(),
            provider.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton<RagAnything.Caching.ICacheStatistics>(provider => provider.GetRequiredService<RagAnything.Caching.CacheRegistry>());
        services.TryAddSingleton<RagAnything.Caching.IIndexGeneration>(provider => new RagAnything.Caching.IndexGeneration(provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(provider => new RagAnything.Caching.EmbeddingCache(provider.GetRequiredService<RagAnything.Caching.CacheRegistry>()));
        services.TryAddSingleton(provider => new RagAnything.Caching.QueryCache(
            provider.GetRequiredService<RagAnything.Caching.CacheRegistry>(),
            provider.GetRequiredService<RagAnything.Caching.IIndexGeneration>(),
            provider.GetRequiredService<IOptions<RagAnythingOptions>>().Value.Query));

        RagAnything.Resilience.ResilienceRegistration.AddPipelines(services);

        services.AddOptions<RagAnything.Chat.ChatSchedulerOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RagAnything.Chat.ChatSchedulerOptions>, RagAnything.Chat.ChatSchedulerOptionsValidator>());
        services.TryAddSingleton(provider => new RagAnything.Chat.ChatScheduler(
            provider.GetRequiredService<IOptions<RagAnything.Chat.ChatSchedulerOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            CreateLogger(provider, "RagAnything.Chat"),
            provider.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton<RagAnything.Chat.IChatSchedulerStatus>(provider => provider.GetRequiredService<RagAnything.Chat.ChatScheduler>());
        services.TryAddSingleton(provider => new RagAnything.Chat.ChatClientScheduling(
            provider.GetRequiredService<RagAnything.Chat.ChatScheduler>(),
            provider.GetRequiredService<Polly.Registry.ResiliencePipelineProvider<string>>()));
    }

    private static void AddInMemoryStores(IServiceCollection services)
    {
        services.TryAddSingleton<IKeyValueStore, InMemoryKeyValueStore>();
        services.TryAddSingleton<IVectorStore, InMemoryVectorStore>();
        services.TryAddSingleton<IKeywordIndex, InMemoryKeywordIndex>();
        services.TryAddSingleton<IDocumentStatusStore, InMemoryDocumentStatusStore>();
        services.TryAddSingleton<IBlobStore, InMemoryBlobStore>();
    }

    private static IngestionPipeline CreatePipeline(IServiceProvider provider) => new(new PipelineDependencies(
        provider,
        provider.GetRequiredService<IDocumentStatusStore>(),
        provider.GetRequiredService<IBlobStore>(),
        provider.GetRequiredService<ChunkRepository>(),
        provider.GetRequiredService<IVectorStore>(),
        provider.GetRequiredService<IKeywordIndex>(),
        provider.GetRequiredService<IChunker>(),
        provider.GetRequiredService<EmbeddingService>(),
        provider.GetRequiredService<IOptions<RagAnythingOptions>>().Value.Ingestion,
        provider.GetRequiredService<TimeProvider>(),
        provider.GetRequiredService<IngestionEventHub>(),
        provider.GetService<System.Diagnostics.Metrics.IMeterFactory>(),
        CreateLogger(provider, "RagAnything.Ingestion"),
        provider.GetService<RagAnything.Graph.KnowledgeGraphIndexer>()));

    private static QueryEngine CreateQueryEngine(IServiceProvider provider) => new(
        provider,
        provider.GetRequiredService<IVectorStore>(),
        provider.GetRequiredService<IKeywordIndex>(),
        provider.GetRequiredService<CitationBuilder>(),
        provider.GetRequiredService<EmbeddingService>(),
        provider.GetRequiredService<ExtractiveAnswerer>(),
        provider.GetRequiredService<GraphRetriever>(),
        provider.GetRequiredService<QueryKeywordExtractor>(),
        provider.GetRequiredService<TokenCounter>(),
        provider.GetRequiredService<IOptions<RagAnythingOptions>>(),
        provider.GetRequiredService<TimeProvider>(),
        CreateLogger(provider, "RagAnything.Query"));

    // The knowledge graph: its store, extraction, merging, modal processors, the indexer and the graph query parts.
    private static void AddKnowledgeGraph(IServiceCollection services)
    {
        services.AddOptions<KnowledgeGraphOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KnowledgeGraphOptions>, KnowledgeGraphOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RagAnythingOptions>, GraphQueryOptionsValidator>());
        services.TryAddSingleton<IGraphStore, InMemoryGraphStore>();

        services.TryAddSingleton(provider => new TokenCounter(provider));
        services.TryAddSingleton(provider => new ExtractionCache(provider.GetRequiredService<IKeyValueStore>()));
        services.TryAddSingleton<OfflineEntityExtractor>();
        services.TryAddSingleton(provider => new DescriptionSummarizer(provider, provider.GetRequiredService<IOptions<KnowledgeGraphOptions>>()));
        services.TryAddSingleton<GraphMerger>();
        services.TryAddSingleton<GraphVectorWriter>();

        services.TryAddSingleton(provider => new ModalChat(provider));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IModalProcessor, TableModalProcessor>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IModalProcessor, ImageModalProcessor>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IModalProcessor, EquationModalProcessor>());
        services.TryAddSingleton<GenericModalProcessor>();
        services.TryAddSingleton<ModalContextBuilder>();
        services.TryAddSingleton<ModalAnalyzer>();

        services.TryAddSingleton(provider => new KnowledgeGraphIndexer(
            provider,
            provider.GetRequiredService<IGraphStore>(),
            provider.GetRequiredService<ExtractionCache>(),
            provider.GetRequiredService<OfflineEntityExtractor>(),
            provider.GetRequiredService<ModalAnalyzer>(),
            provider.GetRequiredService<GraphMerger>(),
            provider.GetRequiredService<GraphVectorWriter>(),
            provider.GetRequiredService<ChunkRepository>(),
            provider.GetRequiredService<IOptions<KnowledgeGraphOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            CreateLogger(provider, "RagAnything.Graph")));

        services.TryAddSingleton<GraphRetriever>();
        services.TryAddSingleton(provider => new QueryKeywordExtractor(provider, CreateLogger(provider, "RagAnything.Query")));
        services.TryAddSingleton(provider => new CitationBuilder(
            provider.GetRequiredService<ChunkRepository>(),
            provider.GetRequiredService<IDocumentStatusStore>(),
            provider.GetRequiredService<TokenCounter>(),
            CreateLogger(provider, "RagAnything.Query")));
    }

    // Logging is optional for hosts: without a registered factory the library logs nowhere instead of failing.
    private static ILogger CreateLogger(IServiceProvider provider, string category)
        => (provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger(category);
}
