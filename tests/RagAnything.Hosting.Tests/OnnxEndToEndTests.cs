using System.Net;
using RagAnything.Hosting.Tests.Infrastructure;

namespace RagAnything.Hosting.Tests;

/// <summary>
/// The whole REST flow with the bundled ONNX embedding model instead of the word-hash test double.
/// </summary>
public sealed class OnnxEndToEndTests : ServerTestBase
{
    private const string PaperFile = "pdf_naive_bayes_icml03_8p.pdf";
    private const string PaperPages = "8";
    private const string OtherFile = "txt_wikipedia_norwich_city.txt";
    private const string Question = "How does Complement Naive Bayes handle skewed training data across classes?";

    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    internal override ServerSettings CreateSettings() => new() { DataFolder = DataFolder, UseOnnxModel = true };

    [Fact]
    public async Task Pdf_upload_progress_query_delete()
    {
        using var other = await Client.UploadAsync(OtherFile, Corpus.Read(OtherFile));
        await Client.WaitForTaskAsync((await other.ReadJsonAsync()).GetProperty("taskId").GetString()!, Deadline);

        using var upload = await Client.UploadAsync(PaperFile, Corpus.Read(PaperFile));
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var accepted = await upload.ReadJsonAsync();
        var documentId = accepted.GetProperty("document").GetProperty("id").GetString()!;
        var taskId = accepted.GetProperty("taskId").GetString()!;

        using var stream = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"{Api.Prefix}/tasks/{taskId}/events"), HttpCompletionOption.ResponseHeadersRead);
        var events = await DocumentLifecycleTests.ReadEventsAsync(stream, Deadline);
        var stages = events.Where(e => e.Name == "progress").Select(e => e.Data.GetProperty("stage").GetString()).ToList();
        Assert.Contains("done", stages);
        Assert.True(stages.Distinct().Count() >= 3, $"Expected several pipeline stages in the progress events, got: {string.Join(", ", stages)}.");
        Assert.Equal("succeeded", events[^1].Data.GetProperty("status").GetString());

        var document = await Client.GetJsonAsync($"{Api.Prefix}/documents/{documentId}");
        Assert.Equal(int.Parse(PaperPages, System.Globalization.CultureInfo.InvariantCulture), document.GetProperty("pageCount").GetInt32());

        using var query = await Client.PostJsonAsync($"{Api.Prefix}/query", new { query = Question, mode = "naive", topK = 5 });
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
        var citations = (await query.ReadJsonAsync()).GetProperty("citations");
        Assert.True(citations.GetArrayLength() > 0);
        var first = citations[0];
        Assert.Equal(PaperFile, first.GetProperty("documentName").GetString());
        Assert.Equal(documentId, first.GetProperty("documentId").GetString());
        Assert.InRange(first.GetProperty("page").GetInt32(), 1, 8);

        using var delete = await Client.DeleteAsync($"{Api.Prefix}/documents/{documentId}");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);

        using var after = await Client.PostJsonAsync($"{Api.Prefix}/query", new { query = Question, mode = "naive", topK = 5 });
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var remaining = (await after.ReadJsonAsync()).GetProperty("citations").EnumerateArray().ToList();
        Assert.DoesNotContain(remaining, citation => citation.GetProperty("documentId").GetString() == documentId);
        Assert.All(remaining, citation => Assert.Equal(OtherFile, citation.GetProperty("documentName").GetString()));
    }
}
