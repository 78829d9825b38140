using System.Net;
using System.Text;
using System.Text.Json;
using RagAnything.Hosting.Tests.Infrastructure;

namespace RagAnything.Hosting.Tests;

public sealed class QueryValidationTests : ServerTestBase
{
    [Theory]
    [InlineData("{\"query\": \"rivers\", \"mode\": \"telepathic\"}")]
    [InlineData("{\"query\": \"rivers\", \"mode\": \"1\"}")]
    [InlineData("{\"query\": \"rivers\", \"topK\": -1}")]
    [InlineData("{\"query\": \"rivers\", \"topK\": 0}")]
    [InlineData("{\"query\": \"   \"}")]
    [InlineData("{\"query\": \"rivers\", \"history\": [{\"role\": \"robot\", \"content\": \"hi\"}]}")]
    public async Task Invalid_query_is_400(string body)
    {
        foreach (var route in new[] { "query", "query/stream", "query/data" })
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await Client.PostAsync($"{Api.Prefix}/{route}", content);
            Api.AssertProblem(response, HttpStatusCode.BadRequest, await response.ReadJsonAsync(), "validation");
        }
    }

    [Fact]
    public async Task Stream_sends_references_then_fragments()
    {
        using var upload = await Client.UploadAsync("rivers.txt", Encoding.UTF8.GetBytes("Rivers carry water to the sea. Deltas form where rivers slow down. Floods spread silt over plains."));
        await Client.WaitForTaskAsync((await upload.ReadJsonAsync()).GetProperty("taskId").GetString()!);

        using var content = new StringContent("{\"query\": \"Where do deltas form?\", \"mode\": \"naive\", \"history\": [{\"role\": \"user\", \"content\": \"Tell me about rivers.\"}]}", Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync($"{Api.Prefix}/query/stream", content);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);

        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal("references", lines[0].GetProperty("type").GetString());
        Assert.True(lines[0].GetProperty("references").GetArrayLength() > 0);
        Assert.Equal("rivers.txt", lines[0].GetProperty("references")[0].GetProperty("documentName").GetString());
        Assert.Contains(lines, line => line.GetProperty("type").GetString() == "fragment");
        Assert.Equal("done", lines[^1].GetProperty("type").GetString());

        using var data = await Client.PostJsonAsync($"{Api.Prefix}/query/data", new { query = "Where do deltas form?" });
        var retrieval = await data.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, data.StatusCode);
        Assert.True(retrieval.GetProperty("citations").GetArrayLength() > 0);
    }
}
