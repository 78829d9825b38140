using RagAnything.Storage.Conformance;
using RagAnything.Storage.Documents;

namespace RagAnything.Storage.Sqlite.Tests;

public sealed class SqliteDocumentStatusStoreTests : DocumentStatusStoreConformanceTests
{
    private readonly TemporaryDatabase _file = new();

    protected override Task<IDocumentStatusStore> CreateStoreAsync() => Task.FromResult<IDocumentStatusStore>(new SqliteDocumentStatusStore(_file.Database));

    protected override async Task DisposeStoreAsync() => await _file.DisposeAsync();
}
