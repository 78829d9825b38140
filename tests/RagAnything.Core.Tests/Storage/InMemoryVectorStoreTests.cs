using RagAnything.Storage.Conformance;
using RagAnything.Storage.InMemory;
using RagAnything.Storage.Vectors;

namespace RagAnything.Core.Tests.Storage;

public sealed class InMemoryVectorStoreTests : VectorStoreConformanceTests
{
    protected override Task<IVectorStore> CreateStoreAsync() => Task.FromResult<IVectorStore>(new InMemoryVectorStore());
}
