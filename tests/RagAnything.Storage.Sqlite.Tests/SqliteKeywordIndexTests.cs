using RagAnything.Storage.Conformance;
using RagAnything.Storage.Keyword;

namespace RagAnything.Storage.Sqlite.Tests;

public sealed class SqliteKeywordIndexTests : KeywordIndexConformanceTests
{
    private readonly TemporaryDatabase _file = new();

    protected override Task<IKeywordIndex> CreateStoreAsync() => Task.FromResult<IKeywordIndex>(new SqliteKeywordIndex(_file.Database));

    protected override async Task DisposeStoreAsync() => await _file.DisposeAsync();
}
