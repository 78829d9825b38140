using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RagAnything.Storage.Blobs;
using RagAnything.Storage.Documents;
using RagAnything.Storage.KeyValue;
using RagAnything.Storage.Keyword;
using RagAnything.Storage.Sqlite;
using RagAnything.Storage.Vectors;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the SQLite stores in a service collection.
/// </summary>
public static class SqliteStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="SqliteDatabase"/> and the six SQLite stores (including the graph store) over it as singletons, replacing any
    /// store registered before (such as the in-memory defaults). The database file is opened on first use, not here.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; <see cref="SqliteStorageOptions.DatabasePath"/> is required.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddRagAnythingSqliteStorage(this IServiceCollection services, Action<SqliteStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<SqliteStorageOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStorageOptions>, SqliteStorageOptionsValidator>());
        services.TryAddSingleton<SqliteDatabase>();

        services.RemoveAll<IKeyValueStore>();
        services.RemoveAll<IVectorStore>();
        services.RemoveAll<IKeywordIndex>();
        services.RemoveAll<IDocumentStatusStore>();
        services.RemoveAll<IBlobStore>();
        services.RemoveAll<RagAnything.Storage.Graph.IGraphStore>();

        services.AddSingleton<IKeyValueStore, SqliteKeyValueStore>();
        services.AddSingleton<IVectorStore, SqliteVectorStore>();
        services.AddSingleton<IKeywordIndex, SqliteKeywordIndex>();
        services.AddSingleton<IDocumentStatusStore, SqliteDocumentStatusStore>();
        services.AddSingleton<IBlobStore, SqliteBlobStore>();
        services.AddSingleton<RagAnything.Storage.Graph.IGraphStore, RagAnything.Storage.Sqlite.Graph.SqliteGraphStore>();
        // The second-level cache of RagAnything's cache layers; a distributed cache the host registered first is kept.
        services.TryAddSingleton<Microsoft.Extensions.Caching.Distributed.IDistributedCache>(provider => new SqliteDistributedCache(provider.GetRequiredService<SqliteDatabase>(), provider.GetService<TimeProvider>()));
        return services;
    }
}
