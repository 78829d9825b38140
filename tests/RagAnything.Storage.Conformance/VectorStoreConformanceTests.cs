using RagAnything.Storage.Vectors;

namespace RagAnything.Storage.Conformance;

/// <summary>The <see cref="IVectorStore"/> contract, run against each provider.</summary>
public abstract class VectorStoreConformanceTests : StoreConformanceTests<IVectorStore>
{
    private const double Tolerance = 1e-5;
    private static readonly VectorCollectionInfo Chunks = new("chunks", 3, "model-a");

    private static VectorRecord Record(string id, string documentId, params float[] vector) => new(id, documentId, vector);

    private async Task SeedAsync()
    {
        await Store.EnsureCollectionAsync(Chunks);
        await Store.UpsertAsync(
            "chunks",
            [
                Record("same", "doc1", 2, 0, 0),
                Record("diagonal", "doc1", 1, 1, 0),
                Record("orthogonal", "doc2", 0, 5, 0),
                Record("opposite", "doc2", -1, 0, 0),
                Record("mostly", "doc3", 3, 1, 0),
            ]);
    }

    [Fact]
    public async Task Search_RanksByCosine_WithKnownScores()
    {
        await SeedAsync();

        IReadOnlyList<VectorMatch> matches = await Store.SearchAsync("chunks", new float[] { 3, 0, 0 }, topK: 5);

        Assert.Equal(["same", "mostly", "diagonal", "orthogonal", "opposite"], matches.Select(m => m.Id));
        Assert.Equal(1.0, matches[0].Score, Tolerance);
        Assert.Equal(3 / Math.Sqrt(10), matches[1].Score, Tolerance);
        Assert.Equal(1 / Math.Sqrt(2), matches[2].Score, Tolerance);
        Assert.Equal(0.0, matches[3].Score, Tolerance);
        Assert.Equal(-1.0, matches[4].Score, Tolerance);
        Assert.Equal("doc1", matches[0].DocumentId);
    }

    [Fact]
    public async Task Search_TopK_ReturnsBestK()
    {
        await SeedAsync();

        IReadOnlyList<VectorMatch> matches = await Store.SearchAsync("chunks", new float[] { 0, 1, 0 }, topK: 2);

        Assert.Equal(["orthogonal", "diagonal"], matches.Select(m => m.Id));
    }

    [Fact]
    public async Task Search_TopKZero_ReturnsNothing()
    {
        await SeedAsync();

        Assert.Empty(await Store.SearchAsync("chunks", new float[] { 1, 0, 0 }, topK: 0));
    }

    [Fact]
    public async Task Search_DocumentFilter_SkipsOtherDocuments()
    {
        await SeedAsync();

        VectorSearchFilter filter = new() { DocumentIds = ["doc2", "doc3"] };
        IReadOnlyList<VectorMatch> matches = await Store.SearchAsync("chunks", new float[] { 1, 0, 0 }, topK: 10, filter);

        Assert.Equal(["mostly", "orthogonal", "opposite"], matches.Select(m => m.Id));
    }

    [Fact]
    public async Task Search_EmptyDocumentFilter_ReturnsNothing()
    {
        await SeedAsync();

        VectorSearchFilter filter = new() { DocumentIds = [] };

        Assert.Empty(await Store.SearchAsync("chunks", new float[] { 1, 0, 0 }, topK: 10, filter));
    }

    [Fact]
    public async Task Search_UnknownCollection_ReturnsNothing()
    {
        Assert.Empty(await Store.SearchAsync("missing", new float[] { 1, 0, 0 }, topK: 3));
    }

    [Fact]
    public async Task Search_QueryOfWrongLength_Throws()
    {
        await SeedAsync();

        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.SearchAsync("chunks", new float[] { 1, 0 }, topK: 3));
    }

    [Fact]
    public async Task Upsert_ExistingId_ReplacesVectorAndDocument()
    {
        await SeedAsync();

        await Store.UpsertAsync("chunks", [Record("opposite", "doc9", 1, 0, 0)]);

        IReadOnlyList<VectorMatch> matches = await Store.SearchAsync("chunks", new float[] { 1, 0, 0 }, topK: 2);
        Assert.Equal(["opposite", "same"], matches.Select(m => m.Id).Order(StringComparer.Ordinal));
        Assert.Equal("doc9", matches.Single(m => m.Id == "opposite").DocumentId);
        Assert.Equal(5, await Store.CountAsync("chunks"));
    }

    [Fact]
    public async Task Upsert_WrongDimension_ThrowsAndWritesNothing()
    {
        await Store.EnsureCollectionAsync(Chunks);

        await Assert.ThrowsAsync<ArgumentException>(async () =>
            await Store.UpsertAsync("chunks", [Record("ok", "doc1", 1, 0, 0), Record("bad", "doc1", 1, 0, 0, 0)]));

        Assert.Equal(0, await Store.CountAsync("chunks"));
    }

    [Fact]
    public async Task Upsert_UnknownCollection_Throws()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await Store.UpsertAsync("missing", [Record("a", "doc1", 1, 0, 0)]));
    }

    [Fact]
    public async Task EnsureCollection_Same_IsIdempotent()
    {
        await SeedAsync();

        await Store.EnsureCollectionAsync(Chunks with { });

        Assert.Equal(5, await Store.CountAsync("chunks"));
    }

    [Fact]
    public async Task EnsureCollection_OtherModel_ThrowsMismatch()
    {
        await Store.EnsureCollectionAsync(Chunks);

        var exception = await Assert.ThrowsAsync<VectorCollectionMismatchException>(async () =>
            await Store.EnsureCollectionAsync(Chunks with { ModelId = "model-b" }));

        Assert.Equal("model-a", exception.Existing.ModelId);
        Assert.Equal("model-b", exception.Requested.ModelId);
    }

    [Fact]
    public async Task EnsureCollection_OtherDimension_ThrowsMismatch()
    {
        await Store.EnsureCollectionAsync(Chunks);

        var exception = await Assert.ThrowsAsync<VectorCollectionMismatchException>(async () =>
            await Store.EnsureCollectionAsync(Chunks with { Dimension = 4 }));

        Assert.Equal(3, exception.Existing.Dimension);
    }

    [Fact]
    public async Task Delete_RemovesIds_IgnoresUnknown()
    {
        await SeedAsync();

        await Store.DeleteAsync("chunks", ["same", "unknown"]);
        await Store.DeleteAsync("missing-collection", ["same"]);

        IReadOnlyList<VectorMatch> matches = await Store.SearchAsync("chunks", new float[] { 1, 0, 0 }, topK: 10);
        Assert.DoesNotContain(matches, m => m.Id == "same");
        Assert.Equal(4, matches.Count);
        Assert.Equal(4, await Store.CountAsync("chunks"));
    }

    [Fact]
    public async Task DeleteDocument_RemovesFromEveryCollection()
    {
        await SeedAsync();
        await Store.EnsureCollectionAsync(new VectorCollectionInfo("entities", 2, "model-a"));
        await Store.UpsertAsync("entities", [Record("e1", "doc1", 1, 0), Record("e2", "doc2", 0, 1)]);

        await Store.DeleteDocumentAsync("doc1");

        Assert.Equal(3, await Store.CountAsync("chunks"));
        Assert.Equal(1, await Store.CountAsync("entities"));
        IReadOnlyList<VectorMatch> matches = await Store.SearchAsync("chunks", new float[] { 1, 0, 0 }, topK: 10);
        Assert.DoesNotContain(matches, m => m.DocumentId == "doc1");
        Assert.Equal(["e2"], (await Store.SearchAsync("entities", new float[] { 1, 0 }, topK: 10)).Select(m => m.Id));
    }

    [Fact]
    public async Task Count_UnknownCollection_IsZero()
    {
        Assert.Equal(0, await Store.CountAsync("missing"));
    }

    [Fact]
    public async Task Upsert_ConcurrentTasks_KeepsEveryVector()
    {
        await Store.EnsureCollectionAsync(Chunks);

        // One search first, so providers with a lazily loaded index keep it in sync while the writes run.
        await Store.SearchAsync("chunks", new float[] { 1, 0, 0 }, topK: 1);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(task => Task.Run(async () =>
        {
            for (int i = 0; i < 25; i++)
            {
                await Store.UpsertAsync("chunks", [Record($"t{task}-{i}", $"doc{task}", 1, task, i)]);
            }
        })));

        Assert.Equal(200, await Store.CountAsync("chunks"));
        Assert.Equal(200, (await Store.SearchAsync("chunks", new float[] { 1, 0, 0 }, topK: 500)).Count);
    }

    [Fact]
    public async Task Search_ManyVectors_MatchesBruteForce()
    {
        var info = new VectorCollectionInfo("random", 16, "model-a");
        await Store.EnsureCollectionAsync(info);
        var random = new Random(42);
        VectorRecord[] records = Enumerable.Range(0, 500)
            .Select(i => Record($"v{i:D3}", $"doc{i % 7}", Enumerable.Range(0, 16).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray()))
            .ToArray();
        await Store.UpsertAsync("random", records);
        float[] query = Enumerable.Range(0, 16).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();

        IReadOnlyList<VectorMatch> matches = await Store.SearchAsync("random", query, topK: 10);

        string[] expected = records
            .OrderByDescending(r => Cosine(r.Vector.Span, query))
            .Take(10)
            .Select(r => r.Id)
            .ToArray();
        Assert.Equal(expected, matches.Select(m => m.Id));
    }

    private static double Cosine(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        double dot = 0, leftNorm = 0, rightNorm = 0;
        for (int i = 0; i < left.Length; i++)
        {
            dot += left[i] * right[i];
            leftNorm += left[i] * left[i];
            rightNorm += right[i] * right[i];
        }

        return dot / Math.Sqrt(leftNorm * rightNorm);
    }
}
