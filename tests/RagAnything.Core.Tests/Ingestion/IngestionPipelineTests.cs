using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RagAnything.Content;
using RagAnything.Core.Tests.TestDoubles;
using RagAnything.Ingestion;
using RagAnything.Parsing;
using RagAnything.Storage;
using RagAnything.Storage.Documents;
using RagAnything.Storage.Keyword;
using RagAnything.Storage.Vectors;

namespace RagAnything.Core.Tests.Ingestion;

public sealed class IngestionPipelineTests
{
    private static readonly byte[] Prose = Encoding.UTF8.GetBytes(
        "The lighthouse keeper lit the lamp every evening at dusk.\n\nShips passing the cape relied on its beam during winter storms.");

    [Fact]
    public async Task Ingest_TextDocument_IsProcessedAndIndexed()
    {
        await using var services = TestServices.Create();
        var rag = services.GetRequiredService<IRagAnything>();

        var result = await rag.IngestAsync(new DocumentSource("lighthouse.txt", Prose));

        Assert.Equal(IngestOutcome.Processed, result.Outcome);
        Assert.Equal(DocumentProcessingStatus.Processed, result.Status);
        Assert.True(result.ChunkCount >= 1);
        var record = await services.GetRequiredService<IDocumentStatusStore>().GetAsync(result.DocumentId!);
        Assert.Equal(DocumentProcessingStatus.Processed, record!.Status);
        Assert.Equal("text/plain", record.MediaType);
        Assert.Equal(result.ChunkCount, await services.GetRequiredService<IVectorStore>().CountAsync(StoreCollections.Chunks));
    }

    [Fact]
    public async Task Ingest_SameBytesTwice_ReportsAlreadyPresent()
    {
        await using var services = TestServices.Create();
        var rag = services.GetRequiredService<IRagAnything>();

        var first = await rag.IngestAsync(new DocumentSource("a.txt", Prose));
        var second = await rag.IngestAsync(new DocumentSource("renamed-copy.txt", Prose));

        Assert.Equal(IngestOutcome.Processed, first.Outcome);
        Assert.Equal(IngestOutcome.AlreadyPresent, second.Outcome);
        Assert.Equal(first.DocumentId, second.DocumentId);
        Assert.Equal("renamed-copy.txt", second.SourceName);
        Assert.Contains(second.Warnings, warning => warning.Contains("'a.txt'", StringComparison.Ordinal));
        var counts = await services.GetRequiredService<IDocumentStatusStore>().GetCountsAsync();
        Assert.Equal(1, counts[DocumentProcessingStatus.Processed]);
    }

    [Fact]
    public async Task Ingest_TenConcurrentCopies_ProduceOneDocument()
    {
        var generator = new HashingEmbeddingGenerator();
        await using var services = TestServices.Create(generator: generator);
        var rag = services.GetRequiredService<IRagAnything>();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(index => rag.IngestAsync(new DocumentSource($"copy-{index}.txt", Prose))));

        Assert.Single(results, result => result.Outcome == IngestOutcome.Processed);
        Assert.Equal(9, results.Count(result => result.Outcome == IngestOutcome.AlreadyPresent));
        Assert.Single(results.Select(result => result.DocumentId).Distinct());
        Assert.Equal(1, generator.CallCount);

        // Each copy is reported under its own name, so a caller can tell which file each result is for.
        Assert.Equal(Enumerable.Range(0, 10).Select(index => $"copy-{index}.txt"), results.Select(result => result.SourceName));
    }

    [Fact]
    public async Task Ingest_UnknownBinary_FailsAsUnsupportedAndOthersGoOn()
    {
        await using var services = TestServices.Create();
        var rag = services.GetRequiredService<IRagAnything>();
        var binary = new byte[4096];
        new Random(7).NextBytes(binary);

        var failed = await rag.IngestAsync(new DocumentSource("mystery.bin", binary));
        var processed = await rag.IngestAsync(new DocumentSource("good.txt", Prose));

        Assert.Equal(IngestOutcome.Failed, failed.Outcome);
        Assert.Equal(PipelineStages.Parse, failed.Error!.Stage);
        Assert.Equal(ErrorCategory.Validation, failed.Error.Category);
        Assert.Contains("mystery.bin", failed.Error.Message, StringComparison.Ordinal);
        Assert.Equal(IngestOutcome.Processed, processed.Outcome);
        var record = await services.GetRequiredService<IDocumentStatusStore>().GetAsync(failed.DocumentId!);
        Assert.Equal(DocumentProcessingStatus.Failed, record!.Status);
        Assert.Equal(ErrorCategory.Validation, record.Error!.Category);
    }

    [Fact]
    public async Task Ingest_EmptyFile_FailsWithValidation()
    {
        await using var services = TestServices.Create();
        var rag = services.GetRequiredService<IRagAnything>();

        var result = await rag.IngestAsync(new DocumentSource("empty.txt", ReadOnlyMemory<byte>.Empty));

        Assert.Equal(IngestOutcome.Failed, result.Outcome);
        Assert.Equal(ErrorCategory.Validation, result.Error!.Category);
        Assert.Contains("empty", result.Error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Ingest_LeftoverNonTerminalDocument_IsResumed()
    {
        await using var services = TestServices.Create();
        var rag = services.GetRequiredService<IRagAnything>();
        var statuses = services.GetRequiredService<IDocumentStatusStore>();
        var source = new DocumentSource("resumed.txt", Prose);
        var id = DocumentIds.FromSha256(source.Sha256);
        await statuses.TryAddAsync(new DocumentStatusRecord
        {
            Id = id,
            SourceName = source.Name,
            Sha256 = source.Sha256,
            Status = DocumentProcessingStatus.Embedding,
        });

        var result = await rag.IngestAsync(source);

        Assert.Equal(IngestOutcome.Processed, result.Outcome);
        Assert.Equal(DocumentProcessingStatus.Processed, (await statuses.GetAsync(id))!.Status);
    }

    [Fact]
    public async Task IngestFiles_MixedFolder_ReportsEveryFile()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllBytes(Path.Combine(folder.Path, "one.txt"), Prose);
        File.WriteAllText(Path.Combine(folder.Path, "two.md"), "# Title\n\nA Markdown paragraph about tides and the moon.");
        File.WriteAllBytes(Path.Combine(folder.Path, "three.bin"), [0, 1, 2, 3, 0, 0, 0, 9]);
        await using var services = TestServices.Create();
        var rag = services.GetRequiredService<IRagAnything>();
        var paths = Directory.GetFiles(folder.Path).Append(Path.Combine(folder.Path, "missing.txt")).ToList();

        var results = new List<IngestResult>();
        await foreach (var result in rag.IngestFilesAsync(paths))
        {
            results.Add(result);
        }

        Assert.Equal(4, results.Count);
        Assert.Equal(2, results.Count(result => result.Outcome == IngestOutcome.Processed));
        Assert.Contains(results, result => result.SourceName == "three.bin" && result.Outcome == IngestOutcome.Failed);
        Assert.Contains(results, result => result.SourceName == "missing.txt" && result.Error!.Stage == PipelineStages.Ingest);
    }

    [Fact]
    public async Task IngestFiles_FileOverSizeLimit_FailsWithSettingInMessage()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "big.txt");
        File.WriteAllText(path, new string('a', 2048));
        await using var services = TestServices.Create(options => options.Ingestion.MaxDocumentBytes = 1024);
        var rag = services.GetRequiredService<IRagAnything>();

        var result = await rag.IngestFilesAsync([path]).SingleAsync();

        Assert.Equal(IngestOutcome.Failed, result.Outcome);
        Assert.Equal(ErrorCategory.Validation, result.Error!.Category);
        Assert.Contains("Ingestion:MaxDocumentBytes", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestContent_ContentList_IsIndexedWithPages()
    {
        await using var services = TestServices.Create();
        var rag = services.GetRequiredService<IRagAnything>();
        ContentItem[] items =
        [
            new TextItem("Glaciers carve U-shaped valleys over thousands of years.") { PageIndex = 4 },
            new TableItem([["Glacier", "Length (km)"], ["Aletsch", "23"]]) { PageIndex = 5 },
        ];

        var result = await rag.IngestContentAsync("glaciers.json", items);

        Assert.Equal(IngestOutcome.Processed, result.Outcome);
        Assert.Equal(6, result.PageCount);
        Assert.Equal(2, result.ChunkCount);
    }

    [Fact]
    public async Task Delete_ProcessedDocument_RemovesEverything()
    {
        await using var services = TestServices.Create();
        var rag = services.GetRequiredService<IRagAnything>();
        var result = await rag.IngestAsync(new DocumentSource("lighthouse.txt", Prose));

        var deleted = await rag.DeleteAsync(result.DocumentId!);

        Assert.True(deleted);
        Assert.Null(await services.GetRequiredService<IDocumentStatusStore>().GetAsync(result.DocumentId!));
        Assert.Equal(0, await services.GetRequiredService<IVectorStore>().CountAsync(StoreCollections.Chunks));
        Assert.Empty(await services.GetRequiredService<IKeywordIndex>().SearchAsync("lighthouse", 5));
        Assert.False(await rag.DeleteAsync(result.DocumentId!));
    }

    [Fact]
    public void Options_InvalidValues_FailWithSettingAndValue()
    {
        using var services = TestServices.Create(options =>
        {
            options.Chunking.MaxTokens = 4;
            options.Ingestion.MaxConcurrentDocuments = 0;
        });

        var exception = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RagAnythingOptions>>().Value);

        Assert.Contains(exception.Failures, failure => failure.Contains("Chunking:MaxTokens is 4", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, failure => failure.Contains("Ingestion:MaxConcurrentDocuments is 0", StringComparison.Ordinal));
    }
}
