using System.Net;
using System.Text;
using System.Text.Json;
using RagAnything.Hosting.Tests.Infrastructure;

namespace RagAnything.Hosting.Tests;

/// <summary>
/// The pageSize and cursor parameters of the document and task listings, on a server whose page cap is 2 so
/// that three documents span several pages.
/// </summary>
public sealed class PagingTests : ServerTestBase
{
    private const int MaxPageSize = 2;

    private static readonly string[] Listings = ["documents", "tasks"];

    internal override ServerSettings CreateSettings() => new()
    {
        DataFolder = DataFolder,
        Configure = options =>
        {
            options.PageSize = 1;
            options.MaxPageSize = MaxPageSize;
        },
    };

    [Theory]
    [InlineData("garbage")]
    [InlineData("task-0196a4f2c1d07b3e9a5f0e1d2c3b4a59")]
    [InlineData("doc-0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Cursor_not_issued_is_400(string cursor)
    {
        await UploadThreeAsync();

        foreach (var listing in Listings)
        {
            var detail = await GetRejectedAsync($"{Api.Prefix}/{listing}?cursor={Uri.EscapeDataString(cursor)}");

            Assert.Contains("is invalid", detail, StringComparison.Ordinal);
            Assert.Contains($"GET {Api.Prefix}/{listing}", detail, StringComparison.Ordinal);
            Assert.Contains("Request the first page again without a cursor", detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Changed_or_foreign_cursor_is_400()
    {
        await UploadThreeAsync();
        var documentCursor = (await Client.GetJsonAsync($"{Api.Prefix}/documents?pageSize=1")).GetProperty("next").GetString()!;
        var taskCursor = (await Client.GetJsonAsync($"{Api.Prefix}/tasks?pageSize=1")).GetProperty("next").GetString()!;

        // One changed character in the middle, where base64url decoding still succeeds but authentication fails.
        var middle = documentCursor.Length / 2;
        var changed = documentCursor[..middle] + (documentCursor[middle] == 'A' ? 'B' : 'A') + documentCursor[(middle + 1)..];

        await GetRejectedAsync($"{Api.Prefix}/documents?cursor={changed}");
        await GetRejectedAsync($"{Api.Prefix}/documents?cursor={documentCursor[..^4]}");
        await GetRejectedAsync($"{Api.Prefix}/documents?cursor={taskCursor}");
        await GetRejectedAsync($"{Api.Prefix}/tasks?cursor={documentCursor}");
    }

    [Fact]
    public async Task Issued_cursors_walk_every_page()
    {
        var uploaded = await UploadThreeAsync();

        foreach (var listing in Listings)
        {
            var ids = new List<string>();
            var pages = 0;
            string? cursor = null;
            do
            {
                var path = $"{Api.Prefix}/{listing}?pageSize=1" + (cursor is null ? string.Empty : $"&cursor={Uri.EscapeDataString(cursor)}");
                var page = await Client.GetJsonAsync(path);
                ids.AddRange(page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()!));
                cursor = page.GetProperty("next").GetString();
                pages++;
                Assert.True(pages <= 10, $"{listing}: the cursors did not end after 10 pages.");
            }
            while (cursor is not null);

            Assert.Equal(3, pages);
            Assert.Equal(3, ids.Distinct().Count());
            Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
            Assert.DoesNotContain(ids, id => id.Length == 0);
        }

        var documentIds = (await Client.GetJsonAsync($"{Api.Prefix}/documents?pageSize={MaxPageSize}")).GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString());
        Assert.All(documentIds, id => Assert.Contains(id, uploaded));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public async Task Page_size_below_one_is_400(int pageSize)
    {
        foreach (var listing in Listings)
        {
            var detail = await GetRejectedAsync($"{Api.Prefix}/{listing}?pageSize={pageSize}");

            Assert.Contains($"pageSize = {pageSize} is invalid", detail, StringComparison.Ordinal);
            Assert.Contains($"from 1 to {MaxPageSize}", detail, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("limit", "-1")]
    [InlineData("limit", "10")]
    [InlineData("offset", "5")]
    [InlineData("page", "2")]
    public async Task Foreign_paging_parameter_is_400(string name, string value)
    {
        foreach (var listing in Listings)
        {
            var detail = await GetRejectedAsync($"{Api.Prefix}/{listing}?{name}={value}");

            Assert.Contains($"Query parameter '{name}' is not supported by GET {Api.Prefix}/{listing}", detail, StringComparison.Ordinal);
            Assert.Contains("pageSize", detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Page_size_above_cap_is_capped()
    {
        await UploadThreeAsync();

        foreach (var listing in Listings)
        {
            var page = await Client.GetJsonAsync($"{Api.Prefix}/{listing}?pageSize=100000");

            Assert.Equal(MaxPageSize, page.GetProperty("items").GetArrayLength());
            Assert.NotNull(page.GetProperty("next").GetString());
        }
    }

    [Fact]
    public async Task Empty_cursor_reads_first_page()
    {
        await UploadThreeAsync();

        foreach (var listing in Listings)
        {
            var first = await Client.GetJsonAsync($"{Api.Prefix}/{listing}");
            var empty = await Client.GetJsonAsync($"{Api.Prefix}/{listing}?cursor=");

            Assert.Equal(1, empty.GetProperty("items").GetArrayLength());
            Assert.Equal(first.GetProperty("items")[0].GetProperty("id").GetString(), empty.GetProperty("items")[0].GetProperty("id").GetString());
        }
    }

    [Fact]
    public async Task OpenApi_states_paging_and_sort_rules()
    {
        var paths = (await Client.GetJsonAsync("/openapi/v1.json")).GetProperty("paths");
        var documents = paths.GetProperty($"{Api.Prefix}/documents").GetProperty("get");
        var tasks = paths.GetProperty($"{Api.Prefix}/tasks").GetProperty("get");

        Assert.Contains("orders the items within each page, not across pages", documents.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains("the order holds across pages", tasks.GetProperty("summary").GetString(), StringComparison.Ordinal);
        foreach (var operation in new[] { documents, tasks })
        {
            var description = operation.GetProperty("description").GetString();
            Assert.Contains($"from 1 to {MaxPageSize}; larger values are capped at {MaxPageSize}", description, StringComparison.Ordinal);
            Assert.Contains("rejected with 400", description, StringComparison.Ordinal);
        }
    }

    /// <summary>Uploads three small text files for processing, waits for their tasks, and returns the document ids.</summary>
    private async Task<List<string>> UploadThreeAsync()
    {
        var ids = new List<string>();
        foreach (var name in new[] { "rivers.txt", "mountains.txt", "glaciers.txt" })
        {
            using var upload = await Client.UploadAsync(name, Encoding.UTF8.GetBytes($"Notes on {name[..^4]}: they shape the land over long periods."));
            var accepted = await upload.ReadJsonAsync();
            Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
            ids.Add(accepted.GetProperty("document").GetProperty("id").GetString()!);
            await Client.WaitForTaskAsync(accepted.GetProperty("taskId").GetString()!);
        }

        return ids;
    }

    /// <summary>Sends a GET, checks for a 400 validation problem, and returns its detail.</summary>
    private async Task<string> GetRejectedAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"GET {path} returned {(int)response.StatusCode}: {text}");

        var problem = JsonDocument.Parse(text).RootElement;
        Api.AssertProblem(response, HttpStatusCode.BadRequest, problem, "validation");
        return problem.GetProperty("detail").GetString()!;
    }
}
