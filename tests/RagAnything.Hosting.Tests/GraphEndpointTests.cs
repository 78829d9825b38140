using System.Net;
using RagAnything.Hosting.Tests.Infrastructure;

namespace RagAnything.Hosting.Tests;

public sealed class GraphEndpointTests : ServerTestBase
{
    private const string NorwichFile = "txt_wikipedia_norwich_city.txt";

    [Fact]
    public async Task Labels_and_subgraph_after_ingest()
    {
        using var upload = await Client.UploadAsync(NorwichFile, Corpus.Read(NorwichFile));
        var documentId = (await upload.ReadJsonAsync()).GetProperty("document").GetProperty("id").GetString()!;
        var task = await Client.WaitForTaskAsync((await upload.ReadJsonAsync()).GetProperty("taskId").GetString()!);
        Assert.Equal("succeeded", task.GetProperty("status").GetString());

        var labels = await Client.GetJsonAsync($"{Api.Prefix}/graph/labels?search=norwich&limit=5");
        var items = labels.GetProperty("items");
        Assert.InRange(items.GetArrayLength(), 1, 5);
        foreach (var item in items.EnumerateArray())
        {
            Assert.Contains("norwich", item.GetProperty("name").GetString()!, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(documentId, item.GetProperty("documentIds").EnumerateArray().Select(id => id.GetString()));
        }

        var prefix = await Client.GetJsonAsync($"{Api.Prefix}/graph/labels?search=NORWICH&match=prefix&limit=100");
        Assert.All(prefix.GetProperty("items").EnumerateArray(), item => Assert.StartsWith("norwich", item.GetProperty("name").GetString()!, StringComparison.OrdinalIgnoreCase));

        var key = items[0].GetProperty("key").GetString()!;
        var subgraph = await Client.GetJsonAsync($"{Api.Prefix}/graph/subgraph?entity={Uri.EscapeDataString(key)}&depth=1&maxNodes=3");
        var nodes = subgraph.GetProperty("nodes");
        Assert.Equal(key, nodes[0].GetProperty("key").GetString());
        Assert.InRange(nodes.GetArrayLength(), 1, 3);
        var nodeKeys = nodes.EnumerateArray().Select(node => node.GetProperty("key").GetString()).ToHashSet();
        foreach (var edge in subgraph.GetProperty("edges").EnumerateArray())
        {
            Assert.Contains(edge.GetProperty("source").GetString(), nodeKeys);
            Assert.Contains(edge.GetProperty("target").GetString(), nodeKeys);
        }

        var byName = await Client.GetJsonAsync($"{Api.Prefix}/graph/subgraph?entity={Uri.EscapeDataString(items[0].GetProperty("name").GetString()!.ToUpperInvariant())}&depth=0");
        Assert.Equal(key, byName.GetProperty("nodes")[0].GetProperty("key").GetString());
        Assert.Equal(1, byName.GetProperty("nodes").GetArrayLength());
        Assert.False(byName.GetProperty("isTruncated").GetBoolean());
    }

    [Fact]
    public async Task Subgraph_cap_marks_truncation()
    {
        using var upload = await Client.UploadAsync(NorwichFile, Corpus.Read(NorwichFile));
        await Client.WaitForTaskAsync((await upload.ReadJsonAsync()).GetProperty("taskId").GetString()!);

        // The cap is checked on the entity with the most neighbours among the first hundred labels, found by asking each for its depth-1 subgraph.
        var labels = await Client.GetJsonAsync($"{Api.Prefix}/graph/labels?search=a&limit=100");
        var widest = 0;
        string? widestKey = null;
        foreach (var item in labels.GetProperty("items").EnumerateArray())
        {
            var key = item.GetProperty("key").GetString()!;
            var around = await Client.GetJsonAsync($"{Api.Prefix}/graph/subgraph?entity={Uri.EscapeDataString(key)}&depth=1&maxNodes=1000");
            if (around.GetProperty("nodes").GetArrayLength() > widest)
            {
                widest = around.GetProperty("nodes").GetArrayLength();
                widestKey = key;
            }
        }

        Assert.True(widest >= 3, $"No entity has two or more neighbours; the widest has {widest} nodes.");
        var capped = await Client.GetJsonAsync($"{Api.Prefix}/graph/subgraph?entity={Uri.EscapeDataString(widestKey!)}&depth=1&maxNodes=2");
        Assert.Equal(2, capped.GetProperty("nodes").GetArrayLength());
        Assert.True(capped.GetProperty("isTruncated").GetBoolean());
    }

    [Theory]
    [InlineData("/graph/labels")]
    [InlineData("/graph/labels?search=")]
    [InlineData("/graph/labels?search=a&limit=0")]
    [InlineData("/graph/labels?search=a&limit=101")]
    [InlineData("/graph/labels?search=a&match=fuzzy")]
    [InlineData("/graph/subgraph")]
    [InlineData("/graph/subgraph?entity=a&depth=-1")]
    [InlineData("/graph/subgraph?entity=a&depth=4")]
    [InlineData("/graph/subgraph?entity=a&maxNodes=0")]
    [InlineData("/graph/subgraph?entity=a&maxNodes=1001")]
    public async Task Bad_input_is_400_problem(string route)
    {
        using var response = await Client.GetAsync(Api.Prefix + route);
        Api.AssertProblem(response, HttpStatusCode.BadRequest, await response.ReadJsonAsync(), "validation");
    }

    [Fact]
    public async Task Unknown_entity_is_404_problem()
    {
        using var response = await Client.GetAsync($"{Api.Prefix}/graph/subgraph?entity=no-such-entity");
        var problem = await response.ReadJsonAsync();
        Api.AssertProblem(response, HttpStatusCode.NotFound, problem, "not-found");
        Assert.Contains("no-such-entity", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unparsable_number_is_400_problem()
    {
        using var response = await Client.GetAsync($"{Api.Prefix}/graph/subgraph?entity=a&depth=two");
        Api.AssertProblem(response, HttpStatusCode.BadRequest, await response.ReadJsonAsync(), "validation");
    }
}
