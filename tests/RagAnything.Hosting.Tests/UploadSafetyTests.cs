using System.Net;
using System.Net.Http.Headers;
using System.Text;
using RagAnything.Hosting.Tests.Infrastructure;

namespace RagAnything.Hosting.Tests;

public sealed class UploadSafetyTests : ServerTestBase
{
    private const int MaxFileBytes = 64 * 1024;

    internal override ServerSettings CreateSettings() => new()
    {
        DataFolder = DataFolder,
        Configure = options =>
        {
            options.Uploads.MaxFileBytes = MaxFileBytes;
            options.Uploads.MaxRequestBytes = 100 * 1024;
            options.Uploads.MaxFilesPerBatch = 3;
        },
    };

    [Theory]
    [InlineData("filename=\"../../etc/passwd\"", "passwd")]
    [InlineData("filename=\"/var/lib/secret/report.txt\"", "report.txt")]
    [InlineData("filename=\"C:\\\\Windows\\\\win.ini\"", "win.ini")]
    [InlineData("filename*=UTF-8''evil%07name%0D%0A.txt", "evilname.txt")]
    [InlineData("filename*=UTF-8''%E6%8A%A5%E5%91%8A-%C3%A9t%C3%A9.txt", "报告-été.txt")]
    public async Task Upload_stores_safe_base_name(string disposition, string expectedName)
    {
        var content = Encoding.UTF8.GetBytes("Plain text stored under " + expectedName + " " + Guid.NewGuid());
        using var response = await Client.PostAsync($"{Api.Prefix}/documents/upload", new RawMultipart().AddFile(disposition, content).Build());
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(expectedName, body.GetProperty("document").GetProperty("name").GetString());

        var listed = await Client.GetJsonAsync($"{Api.Prefix}/documents");
        Assert.Equal(expectedName, listed.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.False(File.Exists("/etc/passwd.txt"));
        Assert.Empty(Directory.GetFiles(Path.Combine(DataFolder, "uploads")));
    }

    [Fact]
    public async Task Upload_over_file_limit_is_413()
    {
        using var response = await Client.UploadAsync("big.txt", new byte[MaxFileBytes + 1024]);
        Api.AssertProblem(response, HttpStatusCode.RequestEntityTooLarge, await response.ReadJsonAsync(), "payload-too-large");

        var listed = await Client.GetJsonAsync($"{Api.Prefix}/documents");
        Assert.Equal(0, listed.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Batch_over_request_limit_is_413()
    {
        var body = new RawMultipart()
            .AddFile("filename=\"one.txt\"", Encoding.UTF8.GetBytes(new string('a', 60 * 1024)))
            .AddFile("filename=\"two.txt\"", Encoding.UTF8.GetBytes(new string('b', 60 * 1024)))
            .Build();
        using var response = await Client.PostAsync($"{Api.Prefix}/documents/upload/batch", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Batch_over_file_count_is_400()
    {
        var body = new RawMultipart();
        for (var index = 0; index < 4; index++)
        {
            body.AddFile($"file-{index}.txt", $"Batch file number {index}.");
        }

        using var response = await Client.PostAsync($"{Api.Prefix}/documents/upload/batch", body.Build());
        var problem = await response.ReadJsonAsync();
        Api.AssertProblem(response, HttpStatusCode.BadRequest, problem, "validation");
        Assert.Contains("MaxFilesPerBatch = 3", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Batch_upload_accepts_each_file()
    {
        var body = new RawMultipart().AddFile("first.txt", "The first batch file.").AddFile("second.md", "# Second\n\nThe second batch file.").Build();
        using var response = await Client.PostAsync($"{Api.Prefix}/documents/upload/batch?process=true", body);
        var files = (await response.ReadJsonAsync()).GetProperty("files");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2, files.GetArrayLength());
        foreach (var file in files.EnumerateArray())
        {
            var task = await Client.WaitForTaskAsync(file.GetProperty("taskId").GetString()!);
            Assert.Equal("succeeded", task.GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Non_multipart_body_is_415()
    {
        using var content = new StringContent("{\"file\": \"abc\"}", Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync($"{Api.Prefix}/documents/upload", content);
        Api.AssertProblem(response, HttpStatusCode.UnsupportedMediaType, await response.ReadJsonAsync(), "unsupported-media-type");
    }

    [Fact]
    public async Task Unsupported_format_is_415()
    {
        var zip = new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00 };
        using var response = await Client.UploadAsync("archive.zip", zip);
        Api.AssertProblem(response, HttpStatusCode.UnsupportedMediaType, await response.ReadJsonAsync(), "unsupported-media-type");
    }

    [Fact]
    public async Task Truncated_multipart_is_400_and_server_stays_healthy()
    {
        var body = new RawMultipart().AddFile("cut.txt", new string('x', 4000)).Build(truncate: true);
        using var response = await Client.PostAsync($"{Api.Prefix}/documents/upload", body);
        Api.AssertProblem(response, HttpStatusCode.BadRequest, await response.ReadJsonAsync(), "validation");

        using var health = await Client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var upload = await Client.UploadAsync("after.txt", Encoding.UTF8.GetBytes("The server still accepts uploads."), process: false);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
    }

    [Fact]
    public async Task Missing_file_part_is_400()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes($"--{RawMultipart.Boundary}\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n--{RawMultipart.Boundary}--\r\n"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={RawMultipart.Boundary}");
        using var response = await Client.PostAsync($"{Api.Prefix}/documents/upload", content);
        Api.AssertProblem(response, HttpStatusCode.BadRequest, await response.ReadJsonAsync(), "validation");
    }

    [Fact]
    public async Task Same_file_from_ten_clients_is_one_document()
    {
        var bytes = Encoding.UTF8.GetBytes("Ten clients upload these exact bytes at the same moment.");
        var clients = Enumerable.Range(0, 10).Select(_ => new HttpClient { BaseAddress = Server.BaseAddress }).ToList();
        try
        {
            var responses = await Task.WhenAll(clients.Select(client => client.UploadAsync("shared.txt", bytes)));
            var bodies = await Task.WhenAll(responses.Select(response => response.ReadJsonAsync()));

            Assert.All(responses, response => Assert.True(response.IsSuccessStatusCode));
            Assert.Single(bodies.Select(body => body.GetProperty("document").GetProperty("id").GetString()).Distinct());
            Assert.Single(bodies, body => !body.GetProperty("alreadyPresent").GetBoolean());
            var taskIds = bodies.Select(body => body.GetProperty("taskId").GetString()).Where(id => id is not null).Distinct().ToList();
            Assert.Single(taskIds);

            await Client.WaitForTaskAsync(taskIds[0]!);
            var listed = await Client.GetJsonAsync($"{Api.Prefix}/documents");
            Assert.Equal(1, listed.GetProperty("items").GetArrayLength());
        }
        finally
        {
            clients.ForEach(client => client.Dispose());
        }
    }
}
