using RagAnything.Storage.Conformance;
using RagAnything.Storage.KeyValue;

namespace RagAnything.Storage.Sqlite.Tests;

public sealed class SqliteKeyValueStoreTests : KeyValueStoreConformanceTests
{
    private readonly TemporaryDatabase _file = new();

    protected override Task<IKeyValueStore> CreateStoreAsync() => Task.FromResult<IKeyValueStore>(new SqliteKeyValueStore(_file.Database));

    protected override async Task DisposeStoreAsync() => await _file.DisposeAsync();
}
