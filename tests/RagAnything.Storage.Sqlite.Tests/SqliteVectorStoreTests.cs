using RagAnything.Storage.Conformance;
using RagAnything.Storage.Vectors;

namespace RagAnything.Storage.Sqlite.Tests;

public sealed class SqliteVectorStoreTests : VectorStoreConformanceTests
{
    private readonly TemporaryDatabase _file = new();

    protected override Task<IVectorStore> CreateStoreAsync() => Task.FromResult<IVectorStore>(new SqliteVectorStore(_file.Database));

    protected override async Task DisposeStoreAsync() => await _file.DisposeAsync();
}
