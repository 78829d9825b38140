using RagAnything.Storage.Blobs;

namespace RagAnything.Storage.Conformance;

/// <summary>The <see cref="IBlobStore"/> contract, run against each provider.</summary>
public abstract class BlobStoreConformanceTests : StoreConformanceTests<IBlobStore>
{
    [Fact]
    public async Task Write_5MB_RoundTrips()
    {
        byte[] content = new byte[5 * 1024 * 1024];
        new Random(5).NextBytes(content);

        await Store.WriteAsync("big", new MemoryStream(content));

        Assert.Equal(content, await ReadAllAsync("big"));
    }

    [Fact]
    public async Task Write_NonSeekableStream_RoundTrips()
    {
        byte[] content = Enumerable.Range(0, 100_000).Select(i => (byte)i).ToArray();

        await Store.WriteAsync("piped", new ForwardOnlyStream(content));

        Assert.Equal(content, await ReadAllAsync("piped"));
    }

    [Fact]
    public async Task Write_Existing_ReplacesContent()
    {
        await Store.WriteAsync("k", new MemoryStream([1, 2, 3, 4, 5]));
        await Store.WriteAsync("k", new MemoryStream([9]));

        Assert.Equal(new byte[] { 9 }, await ReadAllAsync("k"));
    }

    [Fact]
    public async Task Write_Empty_RoundTrips()
    {
        await Store.WriteAsync("empty", new MemoryStream());

        Assert.True(await Store.ExistsAsync("empty"));
        Assert.Equal(Array.Empty<byte>(), await ReadAllAsync("empty"));
    }

    [Fact]
    public async Task OpenRead_Missing_ReturnsNull()
    {
        Assert.Null(await Store.OpenReadAsync("missing"));
        Assert.False(await Store.ExistsAsync("missing"));
    }

    [Fact]
    public async Task Delete_RemovesObject_IgnoresMissing()
    {
        await Store.WriteAsync("k", new MemoryStream([1]));

        await Store.DeleteAsync("k");
        await Store.DeleteAsync("missing");

        Assert.False(await Store.ExistsAsync("k"));
        Assert.Null(await Store.OpenReadAsync("k"));
    }

    [Fact]
    public async Task Write_ConcurrentTasks_KeepsEveryObject()
    {
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => Store.WriteAsync($"k{i}", new MemoryStream([(byte)i, 1])).AsTask())));

        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(new byte[] { (byte)i, 1 }, await ReadAllAsync($"k{i}"));
        }
    }

    private async Task<byte[]> ReadAllAsync(string key)
    {
        Stream? stream = await Store.OpenReadAsync(key);
        Assert.NotNull(stream);
        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        }
    }
}
