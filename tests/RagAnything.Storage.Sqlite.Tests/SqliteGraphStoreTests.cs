using RagAnything.Storage.Conformance;
using RagAnything.Storage.Graph;
using RagAnything.Storage.Sqlite.Graph;

namespace RagAnything.Storage.Sqlite.Tests;

public sealed class SqliteGraphStoreTests : GraphStoreConformanceTests
{
    private readonly TemporaryDatabase _file = new();

    protected override Task<IGraphStore> CreateStoreAsync() => Task.FromResult<IGraphStore>(new SqliteGraphStore(_file.Database));

    protected override async Task DisposeStoreAsync() => await _file.DisposeAsync();

    [Fact]
    public async Task Reopen_SeesGraphWrittenByAnotherOwner()
    {
        await Store.UpsertNodesAsync([new GraphNode { Key = "nile", Name = "Nile", Sources = [new GraphSource("doc1", "c1")] }]);
        await Store.UpsertEdgesAsync([new GraphEdge { Source = "nile", Target = "egypt", Weight = 3, Sources = [new GraphSource("doc1", "c1")] }]);

        await using SqliteDatabase second = _file.Open();
        var reopened = new SqliteGraphStore(second);

        Assert.Equal("Nile", (await reopened.GetNodeAsync("nile"))?.Name);
        Assert.Equal(3, (await reopened.GetEdgeAsync("nile", "egypt"))?.Weight);
        Assert.Equal(new GraphCounts(1, 1), await reopened.CountAsync());
    }
}
