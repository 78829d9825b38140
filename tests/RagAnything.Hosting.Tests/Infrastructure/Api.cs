using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RagAnything.Hosting.Tests.Infrastructure;

/// <summary>
/// Calls of the hosting API shared by the tests. Every wait is bounded by a deadline.
/// </summary>
internal static class Api
{
    public const string Prefix = "/api/v1";

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, string fileName, byte[] content, bool process = true)
        => client.PostAsync($"{Prefix}/documents/upload?process={(process ? "true" : "false")}", new RawMultipart().AddFile($"filename=\"{fileName}\"", content).Build());

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} returned {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    public static async Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string path, T body)
        => await client.PostAsJsonAsync(path, body);

    /// <summary>Polls a task until it is terminal and returns it; fails the test after <paramref name="timeout"/>.</summary>
    public static async Task<JsonElement> WaitForTaskAsync(this HttpClient client, string taskId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            var task = await client.GetJsonAsync($"{Prefix}/tasks/{taskId}");
            if (task.GetProperty("status").GetString() is "succeeded" or "failed" or "cancelled")
            {
                return task;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Task {taskId} did not end within {timeout ?? TimeSpan.FromSeconds(60)}.");
    }

    /// <summary>Polls a document until its status is <paramref name="status"/>; fails the test after <paramref name="timeout"/>.</summary>
    public static async Task<JsonElement> WaitForDocumentAsync(this HttpClient client, string documentId, string status, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonElement document = default;
        while (DateTime.UtcNow < deadline)
        {
            document = await client.GetJsonAsync($"{Prefix}/documents/{documentId}");
            if (document.GetProperty("status").GetString() == status)
            {
                return document;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Document {documentId} is '{document.GetProperty("status").GetString()}', not '{status}', after {timeout}.");
    }

    public static void AssertProblem(HttpResponseMessage response, HttpStatusCode status, JsonElement problem, string typeSuffix)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("https://raganything.dev/problems/" + typeSuffix, problem.GetProperty("type").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
    }
}
