using RagAnything.Storage.Documents;

namespace RagAnything.Storage.Conformance;

/// <summary>The <see cref="IDocumentStatusStore"/> contract, run against each provider.</summary>
public abstract class DocumentStatusStoreConformanceTests : StoreConformanceTests<IDocumentStatusStore>
{
    private static readonly DateTimeOffset Created = new(2025, 3, 14, 15, 9, 26, TimeSpan.FromHours(2));

    private static DocumentStatusRecord Record(string id, DocumentProcessingStatus status = DocumentProcessingStatus.Pending, string? name = null) => new()
    {
        Id = id,
        SourceName = name ?? $"{id}.pdf",
        Sha256 = new string('a', 64),
        Status = status,
        CreatedAt = Created,
        UpdatedAt = Created,
    };

    [Fact]
    public async Task Get_AfterTryAdd_ReturnsEqualRecord()
    {
        DocumentStatusRecord record = Record("d1") with
        {
            MediaType = "application/pdf",
            Size = 1234,
            ChunkCount = 7,
            PageCount = 3,
            BlobKey = "blobs/d1",
            Status = DocumentProcessingStatus.Failed,
            Error = new DocumentError("parse", ErrorCategory.Permanent, "The PDF is encrypted."),
            UpdatedAt = Created.AddMinutes(5),
        };

        Assert.True(await Store.TryAddAsync(record));

        Assert.Equal(record, await Store.GetAsync("d1"));
    }

    [Fact]
    public async Task Get_Unknown_ReturnsNull()
    {
        Assert.Null(await Store.GetAsync("missing"));
    }

    [Fact]
    public async Task TryAdd_ExistingId_ReturnsFalseAndKeepsFirst()
    {
        Assert.True(await Store.TryAddAsync(Record("d1", name: "first.pdf")));

        Assert.False(await Store.TryAddAsync(Record("d1", name: "second.pdf")));
        Assert.Equal("first.pdf", (await Store.GetAsync("d1"))!.SourceName);
    }

    [Fact]
    public async Task TryAdd_20ConcurrentCallers_ExactlyOneWins()
    {
        using var start = new ManualResetEventSlim();
        Task<bool>[] callers = Enumerable.Range(0, 20)
            .Select(i => Task.Run(async () =>
            {
                start.Wait();
                return await Store.TryAddAsync(Record("same", name: $"caller{i}.pdf"));
            }))
            .ToArray();

        start.Set();
        bool[] results = await Task.WhenAll(callers);

        Assert.Equal(1, results.Count(added => added));
    }

    [Fact]
    public async Task Upsert_Batch_InsertsAndReplaces()
    {
        await Store.TryAddAsync(Record("d1"));

        await Store.UpsertAsync([Record("d1", DocumentProcessingStatus.Processed), Record("d2", DocumentProcessingStatus.Parsing)]);

        Assert.Equal(DocumentProcessingStatus.Processed, (await Store.GetAsync("d1"))!.Status);
        Assert.Equal(DocumentProcessingStatus.Parsing, (await Store.GetAsync("d2"))!.Status);
    }

    [Fact]
    public async Task Delete_RemovesRecord_IgnoresUnknown()
    {
        await Store.TryAddAsync(Record("d1"));

        await Store.DeleteAsync("d1");
        await Store.DeleteAsync("missing");

        Assert.Null(await Store.GetAsync("d1"));
        Assert.True(await Store.TryAddAsync(Record("d1")));
    }

    [Fact]
    public async Task GetCounts_CountsEachStatus()
    {
        await Store.UpsertAsync(
        [
            Record("a", DocumentProcessingStatus.Pending),
            Record("b", DocumentProcessingStatus.Pending),
            Record("c", DocumentProcessingStatus.Processed),
            Record("d", DocumentProcessingStatus.Failed),
        ]);

        IReadOnlyDictionary<DocumentProcessingStatus, int> counts = await Store.GetCountsAsync();

        Assert.Equal(2, counts[DocumentProcessingStatus.Pending]);
        Assert.Equal(1, counts[DocumentProcessingStatus.Processed]);
        Assert.Equal(1, counts[DocumentProcessingStatus.Failed]);
        Assert.Equal(0, counts.GetValueOrDefault(DocumentProcessingStatus.Embedding));
    }

    [Fact]
    public async Task List_250Records_PagesEachOnceInIdOrder()
    {
        string[] ids = Enumerable.Range(0, 250).Select(i => $"doc-{(i * 7919) % 250:D3}").ToArray();
        await Store.UpsertAsync(ids.Select(id => Record(id)).ToArray());

        var seen = new List<string>();
        var pageSizes = new List<int>();
        string? token = null;
        do
        {
            DocumentStatusPage page = await Store.ListAsync(new DocumentStatusQuery { PageSize = 100, ContinuationToken = token });
            seen.AddRange(page.Items.Select(r => r.Id));
            pageSizes.Add(page.Items.Count);
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal([100, 100, 50], pageSizes);
        Assert.Equal(ids.Order(StringComparer.Ordinal), seen);
    }

    [Fact]
    public async Task List_ExactPage_HasNoContinuation()
    {
        await Store.UpsertAsync(Enumerable.Range(0, 10).Select(i => Record($"d{i}")).ToArray());

        DocumentStatusPage page = await Store.ListAsync(new DocumentStatusQuery { PageSize = 10 });

        Assert.Equal(10, page.Items.Count);
        Assert.Null(page.ContinuationToken);
    }

    [Fact]
    public async Task List_StatusFilter_ReturnsOnlyThatStatus()
    {
        await Store.UpsertAsync([Record("a", DocumentProcessingStatus.Failed), Record("b"), Record("c", DocumentProcessingStatus.Failed)]);

        DocumentStatusPage page = await Store.ListAsync(new DocumentStatusQuery { Status = DocumentProcessingStatus.Failed });

        Assert.Equal(["a", "c"], page.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task List_NameFilter_IsCaseInsensitiveSubstring()
    {
        await Store.UpsertAsync(
        [
            Record("a", name: "Annual-REPORT-2024.pdf"),
            Record("b", name: "notes.txt"),
            Record("c", name: "report.docx"),
            Record("d", name: "Überblick.md"),
        ]);

        DocumentStatusPage reports = await Store.ListAsync(new DocumentStatusQuery { NameContains = "report" });
        DocumentStatusPage umlaut = await Store.ListAsync(new DocumentStatusQuery { NameContains = "üBER" });

        Assert.Equal(["a", "c"], reports.Items.Select(r => r.Id));
        Assert.Equal(["d"], umlaut.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task List_CombinedFilters_PageTogether()
    {
        await Store.UpsertAsync(Enumerable.Range(0, 30)
            .Select(i => Record($"d{i:D2}", i % 2 == 0 ? DocumentProcessingStatus.Processed : DocumentProcessingStatus.Pending, i % 3 == 0 ? $"x{i}.pdf" : $"y{i}.pdf"))
            .ToArray());

        var query = new DocumentStatusQuery { Status = DocumentProcessingStatus.Processed, NameContains = "X", PageSize = 2 };
        var seen = new List<string>();
        string? token = null;
        do
        {
            DocumentStatusPage page = await Store.ListAsync(query with { ContinuationToken = token });
            seen.AddRange(page.Items.Select(r => r.Id));
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal(["d00", "d06", "d12", "d18", "d24"], seen);
    }

    [Fact]
    public async Task List_InvalidPageSize_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await Store.ListAsync(new DocumentStatusQuery { PageSize = 0 }));
    }

    [Fact]
    public async Task Upsert_ConcurrentTasks_KeepsEveryRecord()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(task => Task.Run(async () =>
        {
            for (int i = 0; i < 10; i++)
            {
                await Store.UpsertAsync([Record($"t{task}-{i}", DocumentProcessingStatus.Chunking)]);
            }
        })));

        Assert.Equal(80, (await Store.GetCountsAsync())[DocumentProcessingStatus.Chunking]);
    }
}
