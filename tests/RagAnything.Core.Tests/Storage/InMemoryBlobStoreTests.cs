using RagAnything.Storage.Conformance;
using RagAnything.Storage.InMemory;
using RagAnything.Storage.Blobs;

namespace RagAnything.Core.Tests.Storage;

public sealed class InMemoryBlobStoreTests : BlobStoreConformanceTests
{
    protected override Task<IBlobStore> CreateStoreAsync() => Task.FromResult<IBlobStore>(new InMemoryBlobStore());
}
