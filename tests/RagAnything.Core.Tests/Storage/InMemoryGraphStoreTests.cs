using RagAnything.Storage.Conformance;
using RagAnything.Storage.Graph;
using RagAnything.Storage.InMemory;

namespace RagAnything.Core.Tests.Storage;

public sealed class InMemoryGraphStoreTests : GraphStoreConformanceTests
{
    protected override Task<IGraphStore> CreateStoreAsync() => Task.FromResult<IGraphStore>(new InMemoryGraphStore());
}
