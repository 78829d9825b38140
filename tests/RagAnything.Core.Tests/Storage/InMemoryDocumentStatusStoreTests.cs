using RagAnything.Storage.Conformance;
using RagAnything.Storage.InMemory;
using RagAnything.Storage.Documents;

namespace RagAnything.Core.Tests.Storage;

public sealed class InMemoryDocumentStatusStoreTests : DocumentStatusStoreConformanceTests
{
    protected override Task<IDocumentStatusStore> CreateStoreAsync() => Task.FromResult<IDocumentStatusStore>(new InMemoryDocumentStatusStore());
}
