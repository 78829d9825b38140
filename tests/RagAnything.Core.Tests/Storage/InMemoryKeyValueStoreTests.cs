using RagAnything.Storage.Conformance;
using RagAnything.Storage.InMemory;
using RagAnything.Storage.KeyValue;

namespace RagAnything.Core.Tests.Storage;

public sealed class InMemoryKeyValueStoreTests : KeyValueStoreConformanceTests
{
    protected override Task<IKeyValueStore> CreateStoreAsync() => Task.FromResult<IKeyValueStore>(new InMemoryKeyValueStore());
}
