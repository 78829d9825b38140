using RagAnything.Storage.Conformance;
using RagAnything.Storage.InMemory;
using RagAnything.Storage.Keyword;

namespace RagAnything.Core.Tests.Storage;

public sealed class InMemoryKeywordIndexTests : KeywordIndexConformanceTests
{
    protected override Task<IKeywordIndex> CreateStoreAsync() => Task.FromResult<IKeywordIndex>(new InMemoryKeywordIndex());
}
