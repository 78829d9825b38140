using RagAnything.Storage.Conformance;
using RagAnything.Storage.Blobs;

namespace RagAnything.Storage.Sqlite.Tests;

public sealed class SqliteBlobStoreTests : BlobStoreConformanceTests
{
    private readonly TemporaryDatabase _file = new();

    protected override Task<IBlobStore> CreateStoreAsync() => Task.FromResult<IBlobStore>(new SqliteBlobStore(_file.Database));

    protected override async Task DisposeStoreAsync() => await _file.DisposeAsync();
}
