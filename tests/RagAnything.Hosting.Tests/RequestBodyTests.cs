using System.Net;
using System.Text;
using System.Text.Json;
using RagAnything.Hosting.Tests.Infrastructure;

namespace RagAnything.Hosting.Tests;

/// <summary>
/// Malformed JSON bodies on every route that reads one: each must get a 400 validation problem that names the
/// route, the place in the body and what to send, never the generic message for route and query values.
/// </summary>
public sealed class RequestBodyTests : ServerTestBase
{
    private static readonly string[] JsonRoutes = ["query", "query/stream", "query/data", "documents/text", "documents/process/batch"];

    public static TheoryData<string, string, string[]> SyntaxErrors => new()
    {
        { "truncated object", "{\"query\": ", ["is not valid JSON for POST /api/v1/", "JSON path $.query", "line 1", "byte offset 10"] },
        { "missing comma", "{\"query\": \"rivers\" \"mode\": \"naive\"}", ["is not valid JSON for POST /api/v1/", "is invalid after a value", "line 1, byte offset 19"] },
        { "second line", "{\"query\": \"rivers\",\n  \"topK\": tru}", ["is not valid JSON for POST /api/v1/", "line 2"] },
        { "trailing comma", "{\"query\": \"rivers\",}", ["is not valid JSON for POST /api/v1/", "line 1"] },
        { "array instead of object", "[{\"query\": \"rivers\"}]", ["is not valid JSON for POST /api/v1/", "the body must be an object (line 1, byte offset 1)"] },
        { "string instead of object", "\"rivers\"", ["the body must be an object"] },
        { "null literal", "null", ["the JSON literal null"] },
        { "whitespace only", "   ", ["is not valid JSON for POST /api/v1/", "does not contain any JSON tokens"] },
    };

    [Theory]
    [MemberData(nameof(SyntaxErrors))]
    public async Task Malformed_body_is_400(string label, string body, string[] expected)
    {
        foreach (var route in JsonRoutes)
        {
            var detail = await PostRejectedAsync(route, body);

            Assert.True(detail.Contains($"POST {Api.Prefix}/{route}", StringComparison.Ordinal), $"{label} on {route}: the detail does not name the route: {detail}");
            Assert.True(detail.Contains("Send a JSON object such as {", StringComparison.Ordinal), $"{label} on {route}: the detail does not say what to send: {detail}");
            foreach (var fragment in expected)
            {
                Assert.True(detail.Contains(fragment, StringComparison.Ordinal), $"{label} on {route}: expected '{fragment}' in: {detail}");
            }
        }
    }

    [Theory]
    [InlineData("query", "{\"query\": \"rivers\", \"topK\": \"five\"}", "property 'topK' must be an integer (JSON path $.topK, line 1")]
    [InlineData("query/stream", "{\"query\": \"rivers\", \"topK\": 2.5}", "property 'topK' must be an integer (JSON path $.topK")]
    [InlineData("query/data", "{\"query\": 42}", "property 'query' must be a string (JSON path $.query")]
    [InlineData("query", "{\"query\": \"rivers\", \"history\": {\"role\": \"user\"}}", "property 'history' must be an array of objects (JSON path $.history")]
    [InlineData("query", "{\"query\": \"rivers\", \"history\": [{\"role\": 5, \"content\": \"hi\"}]}", "property 'role' must be a string (JSON path $.history[0].role")]
    [InlineData("query", "{\"query\": \"rivers\", \"documentIds\": [\"doc-a\", 7]}", "the value at $.documentIds[1] must be a string (line 1, byte offset 46)")]
    [InlineData("documents/text", "{\"text\": true}", "property 'text' must be a string (JSON path $.text")]
    [InlineData("documents/text", "{\"items\": {\"kind\": \"text\"}}", "property 'items' must be an array of objects (JSON path $.items")]
    [InlineData("documents/text", "{\"items\": [{\"text\": \"Glaciers carve valleys.\"}]}", "the value at $.items[0] must be an object whose 'kind' is one of: text, table, image, equation (line 1")]
    [InlineData("documents/text", "{\"items\": [{\"kind\": \"video\", \"text\": \"x\"}]}", "the value at $.items[0] must be an object whose 'kind' is one of: text, table, image, equation")]
    [InlineData("documents/text", "{\"items\": [{\"kind\": \"text\", \"text\": \"x\", \"pageIndex\": \"first\"}]}", "property 'pageIndex' must be an integer (JSON path $.items[0].pageIndex")]
    [InlineData("documents/process/batch", "{\"documentIds\": \"doc-a\"}", "property 'documentIds' must be an array of strings (JSON path $.documentIds")]
    [InlineData("documents/process/batch", "{\"documentIds\": [1, 2]}", "the value at $.documentIds[0] must be a string")]
    public async Task Wrong_value_type_names_property(string route, string body, string expected)
    {
        var detail = await PostRejectedAsync(route, body);

        Assert.StartsWith($"The request body is not valid JSON for POST {Api.Prefix}/{route}: ", detail, StringComparison.Ordinal);
        Assert.Contains(expected, detail, StringComparison.Ordinal);
        Assert.Contains("Send a JSON object such as {", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_json_body_is_400()
    {
        foreach (var route in JsonRoutes)
        {
            using var content = new ByteArrayContent([]);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var response = await Client.PostAsync($"{Api.Prefix}/{route}", content);
            var problem = await response.ReadJsonAsync();

            Api.AssertProblem(response, HttpStatusCode.BadRequest, problem, "validation");
            var detail = problem.GetProperty("detail").GetString()!;
            Assert.True(detail.StartsWith($"The request body is empty, which is not valid JSON for POST {Api.Prefix}/{route}.", StringComparison.Ordinal), detail);
            Assert.Contains("Send a JSON object such as {", detail, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("query", "{\"query\": \"rivers\", \"history\": [null]}", "$.history[0]")]
    [InlineData("query/data", "{\"query\": \"rivers\", \"documentIds\": [\"doc-a\", null]}", "$.documentIds[1]")]
    [InlineData("documents/text", "{\"items\": [null]}", "$.items[0]")]
    [InlineData("documents/process/batch", "{\"documentIds\": [null]}", "$.documentIds[0]")]
    public async Task Null_list_element_is_400(string route, string body, string path)
    {
        var detail = await PostRejectedAsync(route, body);

        Assert.True(detail.Contains($"The value at {path} is null", StringComparison.Ordinal), $"The detail does not name {path}: {detail}");
    }

    [Theory]
    [InlineData("text/plain", "'text/plain; charset=utf-8'")]
    [InlineData("application/x-www-form-urlencoded", "'application/x-www-form-urlencoded'")]
    [InlineData(null, "none")]
    public async Task Non_json_content_type_is_415(string? contentType, string contentTypeInMessage)
    {
        foreach (var route in JsonRoutes)
        {
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"query\": \"rivers\"}"));
            if (contentType is not null)
            {
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType) { CharSet = contentType == "text/plain" ? "utf-8" : null };
            }

            using var response = await Client.PostAsync($"{Api.Prefix}/{route}", content);
            var problem = await response.ReadJsonAsync();

            Api.AssertProblem(response, HttpStatusCode.UnsupportedMediaType, problem, "unsupported-media-type");
            var detail = problem.GetProperty("detail").GetString();
            Assert.Contains($"The request to POST {Api.Prefix}/{route} has the content type {contentTypeInMessage}.", detail, StringComparison.Ordinal);
            Assert.Contains("'Content-Type: application/json'", detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Valid_body_after_rejection_succeeds()
    {
        await PostRejectedAsync("documents/text", "{\"text\": ");

        using var content = new StringContent("{\"text\": \"Lighthouses guide ships along rocky coasts.\"}", Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync($"{Api.Prefix}/documents/text", content);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_describes_json_request_bodies()
    {
        var paths = (await Client.GetJsonAsync("/openapi/v1.json")).GetProperty("paths");

        foreach (var route in JsonRoutes)
        {
            var post = paths.GetProperty($"{Api.Prefix}/{route}").GetProperty("post");
            Assert.True(post.TryGetProperty("requestBody", out var requestBody), $"POST {route} has no requestBody in the OpenAPI document.");
            Assert.True(requestBody.GetProperty("content").TryGetProperty("application/json", out _), $"POST {route} does not accept application/json in the OpenAPI document.");
            Assert.True(post.GetProperty("responses").TryGetProperty("415", out _), $"POST {route} does not list 415 in the OpenAPI document.");
        }
    }

    /// <summary>Posts <paramref name="body"/> as JSON, checks for a 400 validation problem, and returns its detail.</summary>
    private async Task<string> PostRejectedAsync(string route, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync($"{Api.Prefix}/{route}", content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {route} with {body} returned {(int)response.StatusCode}: {text}");

        var problem = JsonDocument.Parse(text).RootElement;
        Api.AssertProblem(response, HttpStatusCode.BadRequest, problem, "validation");
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.DoesNotContain("route or query value", detail, StringComparison.Ordinal);
        return detail;
    }
}
