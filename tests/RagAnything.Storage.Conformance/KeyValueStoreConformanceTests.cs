using RagAnything.Storage.KeyValue;

namespace RagAnything.Storage.Conformance;

/// <summary>The <see cref="IKeyValueStore"/> contract, run against each provider.</summary>
public abstract class KeyValueStoreConformanceTests : StoreConformanceTests<IKeyValueStore>
{
    private static KeyValuePair<string, byte[]> Entry(string key, params byte[] value) => new(key, value);

    [Fact]
    public async Task Get_AfterUpsert_ReturnsValue()
    {
        await Store.UpsertAsync("c", [Entry("k", 1, 2, 3)]);

        Assert.Equal(new byte[] { 1, 2, 3 }, await Store.GetAsync("c", "k"));
    }

    [Fact]
    public async Task Get_MissingKey_ReturnsNull()
    {
        await Store.UpsertAsync("c", [Entry("k", 1)]);

        Assert.Null(await Store.GetAsync("c", "other"));
        Assert.Null(await Store.GetAsync("other-collection", "k"));
    }

    [Fact]
    public async Task Upsert_ExistingKey_ReplacesValue()
    {
        await Store.UpsertAsync("c", [Entry("k", 1)]);
        await Store.UpsertAsync("c", [Entry("k", 9, 9)]);

        Assert.Equal(new byte[] { 9, 9 }, await Store.GetAsync("c", "k"));
    }

    [Fact]
    public async Task Upsert_EmptyValue_RoundTrips()
    {
        await Store.UpsertAsync("c", [Entry("k")]);

        Assert.Equal(Array.Empty<byte>(), await Store.GetAsync("c", "k"));
    }

    [Fact]
    public async Task Collections_AreSeparate()
    {
        await Store.UpsertAsync("a", [Entry("k", 1)]);
        await Store.UpsertAsync("b", [Entry("k", 2)]);

        Assert.Equal(new byte[] { 1 }, await Store.GetAsync("a", "k"));
        Assert.Equal(new byte[] { 2 }, await Store.GetAsync("b", "k"));
    }

    [Fact]
    public async Task GetMany_OmitsMissingKeys()
    {
        await Store.UpsertAsync("c", [Entry("a", 1), Entry("b", 2), Entry("c", 3)]);

        IReadOnlyDictionary<string, byte[]> found = await Store.GetManyAsync("c", ["a", "c", "missing"]);

        Assert.Equal(2, found.Count);
        Assert.Equal(new byte[] { 1 }, found["a"]);
        Assert.Equal(new byte[] { 3 }, found["c"]);
    }

    [Fact]
    public async Task Delete_RemovesKeys_IgnoresMissing()
    {
        await Store.UpsertAsync("c", [Entry("a", 1), Entry("b", 2)]);

        await Store.DeleteAsync("c", ["a", "missing"]);

        Assert.Null(await Store.GetAsync("c", "a"));
        Assert.Equal(new byte[] { 2 }, await Store.GetAsync("c", "b"));
    }

    [Fact]
    public async Task Upsert_LargeBatch_StoresEveryEntry()
    {
        KeyValuePair<string, byte[]>[] entries = Enumerable.Range(0, 1000).Select(i => Entry($"key-{i:D4}", (byte)(i % 256))).ToArray();

        await Store.UpsertAsync("c", entries);

        IReadOnlyDictionary<string, byte[]> found = await Store.GetManyAsync("c", entries.Select(e => e.Key).ToArray());
        Assert.Equal(1000, found.Count);
        Assert.Equal(new byte[] { 231 }, found["key-0999"]);
    }

    [Fact]
    public async Task ListKeys_Prefix_ReturnsOrdinalOrder()
    {
        await Store.UpsertAsync("c", [Entry("doc/b", 1), Entry("doc/a", 1), Entry("doc/C", 1), Entry("do", 1), Entry("doc0", 1), Entry("other", 1)]);
        await Store.UpsertAsync("d", [Entry("doc/z", 1)]);

        List<string> keys = await ToListAsync(Store.ListKeysAsync("c", "doc/"));

        Assert.Equal(["doc/C", "doc/a", "doc/b"], keys);
    }

    [Fact]
    public async Task ListKeys_NoPrefix_ReturnsAllKeys()
    {
        string[] expected = Enumerable.Range(0, 1200).Select(i => $"k{i:D5}").ToArray();
        await Store.UpsertAsync("c", expected.Select(key => Entry(key, 0)).Reverse().ToArray());

        List<string> keys = await ToListAsync(Store.ListKeysAsync("c"));

        Assert.Equal(expected, keys);
    }

    [Fact]
    public async Task ListKeys_UnknownCollection_IsEmpty()
    {
        Assert.Empty(await ToListAsync(Store.ListKeysAsync("missing")));
    }

    [Fact]
    public async Task Get_ReturnsCopy_NotAffectedByCallerChanges()
    {
        byte[] value = [1, 2];
        await Store.UpsertAsync("c", [Entry("k", value)]);
        value[0] = 42;

        byte[]? read = await Store.GetAsync("c", "k");
        read![1] = 42;

        Assert.Equal(new byte[] { 1, 2 }, await Store.GetAsync("c", "k"));
    }

    [Fact]
    public async Task Upsert_ConcurrentTasks_KeepsEveryEntry()
    {
        Task[] writers = Enumerable.Range(0, 8)
            .Select(task => Task.Run(async () =>
            {
                for (int i = 0; i < 25; i++)
                {
                    await Store.UpsertAsync("c", [Entry($"t{task}-{i:D2}", (byte)task)]);
                }
            }))
            .ToArray();

        await Task.WhenAll(writers);

        List<string> keys = await ToListAsync(Store.ListKeysAsync("c"));
        Assert.Equal(200, keys.Count);
        Assert.Equal(new byte[] { 7 }, await Store.GetAsync("c", "t7-24"));
    }

    private static async Task<List<string>> ToListAsync(IAsyncEnumerable<string> source)
    {
        var list = new List<string>();
        await foreach (string item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
