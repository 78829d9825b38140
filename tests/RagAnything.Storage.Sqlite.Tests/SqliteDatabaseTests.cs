using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RagAnything.Storage.Documents;
using RagAnything.Storage.KeyValue;
using RagAnything.Storage.Keyword;
using RagAnything.Storage.Vectors;

namespace RagAnything.Storage.Sqlite.Tests;

public sealed class SqliteDatabaseTests
{
    [Fact]
    public async Task Data_SurvivesReopen()
    {
        await using var file = new TemporaryDatabase();
        await new SqliteKeyValueStore(file.Database).UpsertAsync("c", [new("k", [7])]);
        await new SqliteKeywordIndex(file.Database).UpsertAsync([new KeywordDocument("t1", "doc1", "persistent text")]);
        var vectors = new SqliteVectorStore(file.Database);
        await vectors.EnsureCollectionAsync(new VectorCollectionInfo("chunks", 2, "m"));
        await vectors.UpsertAsync("chunks", [new VectorRecord("v1", "doc1", new float[] { 1, 0 })]);
        await file.Database.DisposeAsync();

        await using SqliteDatabase reopened = file.Open();

        Assert.Equal(new byte[] { 7 }, await new SqliteKeyValueStore(reopened).GetAsync("c", "k"));
        Assert.Equal("t1", Assert.Single(await new SqliteKeywordIndex(reopened).SearchAsync("persistent", 5)).Id);
        VectorMatch match = Assert.Single(await new SqliteVectorStore(reopened).SearchAsync("chunks", new float[] { 1, 0 }, 5));
        Assert.Equal("v1", match.Id);
        Assert.Equal(1.0, match.Score, 1e-6);
    }

    [Fact]
    public async Task Open_UsesWalMode()
    {
        await using var file = new TemporaryDatabase();

        string mode = await file.Database.ReadAsync(
            (connection, _) => ValueTask.FromResult((string)SqliteCommands.ExecuteScalar(connection, "PRAGMA journal_mode;")!),
            CancellationToken.None);

        Assert.Equal("wal", mode);
    }

    [Fact]
    public async Task Open_SetsSchemaVersion()
    {
        await using var file = new TemporaryDatabase();

        long version = await file.Database.ReadAsync(
            (connection, _) => ValueTask.FromResult((long)SqliteCommands.ExecuteScalar(connection, "PRAGMA user_version;")!),
            CancellationToken.None);

        Assert.Equal(SqliteSchema.CurrentVersion, version);
    }

    [Fact]
    public async Task BundledSqlite_HasFts5()
    {
        await using var file = new TemporaryDatabase();

        bool hasFts5 = await file.Database.ReadAsync((connection, _) => ValueTask.FromResult(SqliteFeatures.HasFts5(connection)), CancellationToken.None);

        Assert.True(hasFts5);
    }

    [Fact]
    public async Task ReaderConnection_RejectsWrites()
    {
        await using var file = new TemporaryDatabase();

        await Assert.ThrowsAsync<SqliteException>(async () => await file.Database.ReadAsync(
            (connection, _) => ValueTask.FromResult(SqliteCommands.ExecuteScalar(connection, "DELETE FROM blobs;")),
            CancellationToken.None));
    }

    [Fact]
    public async Task VectorCollection_MismatchCheckedByOtherInstance()
    {
        await using var file = new TemporaryDatabase();
        await new SqliteVectorStore(file.Database).EnsureCollectionAsync(new VectorCollectionInfo("chunks", 384, "minilm"));

        await using SqliteDatabase second = file.Open();
        var other = new SqliteVectorStore(second);

        await other.EnsureCollectionAsync(new VectorCollectionInfo("chunks", 384, "minilm"));
        await Assert.ThrowsAsync<VectorCollectionMismatchException>(async () =>
            await other.EnsureCollectionAsync(new VectorCollectionInfo("chunks", 768, "minilm")));
        await Assert.ThrowsAsync<VectorCollectionMismatchException>(async () =>
            await other.EnsureCollectionAsync(new VectorCollectionInfo("chunks", 384, "other-model")));
    }

    [Fact]
    public async Task Upsert_AfterIndexLoaded_IsSearchable()
    {
        await using var file = new TemporaryDatabase();
        var store = new SqliteVectorStore(file.Database);
        await store.EnsureCollectionAsync(new VectorCollectionInfo("chunks", 2, "m"));
        await store.UpsertAsync("chunks", [new VectorRecord("a", "doc1", new float[] { 0, 1 })]);
        await store.SearchAsync("chunks", new float[] { 1, 0 }, 1);

        await store.UpsertAsync("chunks", [new VectorRecord("b", "doc2", new float[] { 1, 0 })]);

        Assert.Equal("b", (await store.SearchAsync("chunks", new float[] { 1, 0 }, 1))[0].Id);
    }

    [Fact]
    public void Constructor_MissingPath_ThrowsWithMessage()
    {
        var exception = Assert.Throws<OptionsValidationException>(() => new SqliteDatabase(Options.Create(new SqliteStorageOptions { ReaderConnections = 0 })));

        Assert.Contains("DatabasePath", exception.Message, StringComparison.Ordinal);
        Assert.Contains("ReaderConnections", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_ReplacesEarlierStores_AndOpensLazily()
    {
        string directory = Path.Combine(Path.GetTempPath(), "raganything-di-" + Guid.NewGuid().ToString("N"));
        string path = Path.Combine(directory, "store.db");
        var services = new ServiceCollection();
        services.AddSingleton<IKeyValueStore>(new UnusedKeyValueStore());

        services.AddRagAnythingSqliteStorage(options => options.DatabasePath = path);

        try
        {
            await using (ServiceProvider provider = services.BuildServiceProvider())
            {
                Assert.IsType<SqliteKeyValueStore>(provider.GetRequiredService<IKeyValueStore>());
                Assert.IsType<SqliteDocumentStatusStore>(provider.GetRequiredService<IDocumentStatusStore>());
                Assert.Single(services, d => d.ServiceType == typeof(IKeyValueStore));
                Assert.False(File.Exists(path));

                await provider.GetRequiredService<IKeyValueStore>().UpsertAsync("c", [new("k", [1])]);
                Assert.True(File.Exists(path));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
