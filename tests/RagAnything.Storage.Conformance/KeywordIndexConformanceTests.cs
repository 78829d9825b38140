using RagAnything.Storage.Keyword;

namespace RagAnything.Storage.Conformance;

/// <summary>The <see cref="IKeywordIndex"/> contract, run against each provider.</summary>
public abstract class KeywordIndexConformanceTests : StoreConformanceTests<IKeywordIndex>
{
    private async Task SeedAsync()
    {
        await Store.UpsertAsync(
        [
            new KeywordDocument("c1", "doc1", "The quick brown fox jumps over the lazy dog."),
            new KeywordDocument("c2", "doc1", "Vector databases store embeddings for similarity search."),
            new KeywordDocument("c3", "doc2", "Keyword search ranks documents with BM25, a bag-of-words model."),
            new KeywordDocument("c4", "doc2", "Foxes are small omnivorous mammals; a fox hunts at night."),
            new KeywordDocument("c5", "doc3", "机器学习是人工智能的一个分支。"),
            new KeywordDocument("c6", "doc3", "今天的天气很好，我们去公园散步。"),
        ]);
    }

    [Fact]
    public async Task Search_RanksMatchingTextFirst()
    {
        await SeedAsync();

        IReadOnlyList<KeywordMatch> matches = await Store.SearchAsync("embeddings similarity", topK: 3);

        Assert.Equal("c2", matches[0].Id);
        Assert.Equal("doc1", matches[0].DocumentId);
        Assert.Single(matches);
    }

    [Fact]
    public async Task Search_ScoresDescend()
    {
        await SeedAsync();

        IReadOnlyList<KeywordMatch> matches = await Store.SearchAsync("fox search", topK: 10);

        Assert.Equal(4, matches.Count);
        Assert.All(matches, m => Assert.True(m.Score > 0, $"score {m.Score} of {m.Id} is not positive"));
        for (int i = 1; i < matches.Count; i++)
        {
            Assert.True(matches[i - 1].Score >= matches[i].Score, $"match {i} scores higher than match {i - 1}");
        }
    }

    [Fact]
    public async Task Search_MoreMatchingTerms_RanksHigher()
    {
        await SeedAsync();

        IReadOnlyList<KeywordMatch> matches = await Store.SearchAsync("quick lazy dog", topK: 10);

        Assert.Equal("c1", matches[0].Id);
    }

    [Fact]
    public async Task Search_IsCaseInsensitive()
    {
        await SeedAsync();

        IReadOnlyList<KeywordMatch> matches = await Store.SearchAsync("BM25 KEYWORD", topK: 10);

        Assert.Equal("c3", matches[0].Id);
    }

    [Fact]
    public async Task Search_TopK_LimitsResults()
    {
        await SeedAsync();

        Assert.Equal(2, (await Store.SearchAsync("fox search embeddings", topK: 2)).Count);
    }

    [Fact]
    public async Task Search_NoMatch_ReturnsEmpty()
    {
        await SeedAsync();

        Assert.Empty(await Store.SearchAsync("zebra", topK: 10));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"fox")]
    [InlineData("fox*")]
    [InlineData("*")]
    [InlineData("fox AND (")]
    [InlineData("NEAR/")]
    [InlineData("NEAR(fox dog, 2)")]
    [InlineData("fox OR")]
    [InlineData("-fox ^dog :col {a b}")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!?.,;:()[]{}<>\"'*^-+")]
    public async Task Search_HostileQuery_DoesNotThrow(string query)
    {
        await SeedAsync();

        IReadOnlyList<KeywordMatch> matches = await Store.SearchAsync(query, topK: 10);

        if (query.Contains("fox", StringComparison.Ordinal))
        {
            Assert.Contains(matches, m => m.Id == "c1");
        }
        else if (!query.Contains("NEAR", StringComparison.Ordinal))
        {
            Assert.Empty(matches);
        }
    }

    [Fact]
    public async Task Search_VeryLongQuery_DoesNotThrow()
    {
        await SeedAsync();
        string query = string.Concat(Enumerable.Range(0, 2000).Select(i => i % 50 == 0 ? "fox " : $"w{i} ")).PadRight(10_000, '"')[..10_000];

        IReadOnlyList<KeywordMatch> matches = await Store.SearchAsync(query, topK: 5);

        Assert.Contains(matches, m => m.Id == "c1");
    }

    [Fact]
    public async Task Search_Chinese_FindsTextByWord()
    {
        await SeedAsync();

        IReadOnlyList<KeywordMatch> machineLearning = await Store.SearchAsync("机器学习", topK: 10);
        IReadOnlyList<KeywordMatch> park = await Store.SearchAsync("公园", topK: 10);

        Assert.Equal("c5", machineLearning[0].Id);
        Assert.Equal("c6", park[0].Id);
    }

    [Fact]
    public async Task Upsert_ExistingId_ReplacesText()
    {
        await SeedAsync();

        await Store.UpsertAsync([new KeywordDocument("c1", "doc9", "A completely different sentence about zebras.")]);

        Assert.DoesNotContain(await Store.SearchAsync("lazy dog", topK: 10), m => m.Id == "c1");
        IReadOnlyList<KeywordMatch> zebras = await Store.SearchAsync("zebras", topK: 10);
        Assert.Equal("c1", Assert.Single(zebras).Id);
        Assert.Equal("doc9", zebras[0].DocumentId);
    }

    [Fact]
    public async Task DeleteDocument_RemovesItsTexts()
    {
        await SeedAsync();

        await Store.DeleteDocumentAsync("doc2");
        await Store.DeleteDocumentAsync("unknown");

        IReadOnlyList<KeywordMatch> matches = await Store.SearchAsync("fox search", topK: 10);
        Assert.DoesNotContain(matches, m => m.DocumentId == "doc2");
        Assert.Contains(matches, m => m.Id == "c1");
    }

    [Fact]
    public async Task Upsert_ConcurrentTasks_IndexesEveryText()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(task => Task.Run(async () =>
        {
            for (int i = 0; i < 10; i++)
            {
                await Store.UpsertAsync([new KeywordDocument($"t{task}-{i}", $"doc{task}", $"shared term{task}x{i}")]);
            }
        })));

        Assert.Equal(80, (await Store.SearchAsync("shared", topK: 100)).Count);
        Assert.Equal("t3-7", Assert.Single(await Store.SearchAsync("term3x7", topK: 100)).Id);
    }
}
