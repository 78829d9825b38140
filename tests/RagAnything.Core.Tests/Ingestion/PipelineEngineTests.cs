using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RagAnything.Core.Tests.TestDoubles;
using RagAnything.Ingestion;
using RagAnything.Parsing;
using RagAnything.Query;
using RagAnything.Storage;
using RagAnything.Storage.Blobs;
using RagAnything.Storage.Documents;
using RagAnything.Storage.Vectors;

namespace RagAnything.Core.Tests.Ingestion;

public sealed class PipelineEngineTests
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Ingest_ManySmallDocuments_ShareEmbeddingBatches()
    {
        var generator = new GatedEmbeddingGenerator();
        await using var services = TestServices.Create(options => options.Ingestion.EmbeddingBatchSize = 64, generator: generator);
        var rag = services.GetRequiredService<IRagAnything>();

        var ingests = Enumerable.Range(0, 40).Select(index => rag.IngestAsync(SmallDocument(index))).ToList();
        await WaitUntilAsync(() => generator.CallCount >= 1);
        generator.Open();
        var results = await Task.WhenAll(ingests).WaitAsync(TestTimeout);

        Assert.All(results, result => Assert.Equal(IngestOutcome.Processed, result.Outcome));
        Assert.True(generator.CallCount < 20, $"{generator.CallCount} model calls for 40 documents");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Ingest_ManyDocuments_KeepsEmbeddingConcurrency(int concurrency)
    {
        var generator = new GatedEmbeddingGenerator();
        await using var services = TestServices.Create(
            options =>
            {
                options.Ingestion.EmbeddingBatchSize = 4;
                options.Ingestion.EmbeddingConcurrency = concurrency;

                // Graph vectors are embedded outside the batcher, so they would add calls of their own.
                options.Ingestion.BuildKnowledgeGraph = false;
            },
            generator: generator);
        var rag = services.GetRequiredService<IRagAnything>();

        var ingests = Enumerable.Range(0, 40).Select(index => rag.IngestAsync(SmallDocument(index))).ToList();
        await WaitUntilAsync(() => generator.CallCount >= concurrency);

        // While the gate is closed no call returns, so no slot frees up for another batch.
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.Equal(concurrency, generator.CallCount);

        generator.Open();
        var results = await Task.WhenAll(ingests).WaitAsync(TestTimeout);

        Assert.All(results, result => Assert.Equal(IngestOutcome.Processed, result.Outcome));
        Assert.Equal(concurrency, generator.MaxInFlight);
    }

    [Fact]
    public async Task Ingest_LargeDocument_IsEmbeddedInBoundedCalls()
    {
        var generator = new GatedEmbeddingGenerator(startOpen: true);
        await using var services = TestServices.Create(options => options.Ingestion.EmbeddingBatchSize = 16, generator: generator);
        var rag = services.GetRequiredService<IRagAnything>();
        var text = string.Join("\n\n", Enumerable.Range(0, 300).Select(index => $"Paragraph {index} is about lighthouse number {index} on the northern coast."));

        var result = await rag.IngestAsync(new DocumentSource("long.txt", Encoding.UTF8.GetBytes(text))).WaitAsync(TestTimeout);

        Assert.Equal(IngestOutcome.Processed, result.Outcome);
        Assert.True(generator.CallCount >= result.ChunkCount / 32, $"{generator.CallCount} calls for {result.ChunkCount} chunks");
        Assert.True(generator.MaxCallSize <= 32, $"one call carried {generator.MaxCallSize} texts");
    }

    [Fact]
    public async Task Ingest_ManyDocuments_WritesStatusInBatches()
    {
        await using var services = TestServices.Create(options => options.Ingestion.StatusFlushInterval = TimeSpan.FromMilliseconds(200));
        var rag = services.GetRequiredService<IRagAnything>();
        var pipeline = services.GetRequiredService<IngestionPipeline>();

        var results = await Task.WhenAll(Enumerable.Range(0, 60).Select(index => rag.IngestAsync(SmallDocument(index)))).WaitAsync(TestTimeout);
        await pipeline.FlushAsync(CancellationToken.None);

        Assert.All(results, result => Assert.Equal(IngestOutcome.Processed, result.Outcome));

        // Each document changes status six times (four stages, pending and processed); unbatched that is 360 writes.
        var writesPerDocument = (double)pipeline.StatusWriteCount / results.Length;
        Assert.True(writesPerDocument < 1.0, $"{pipeline.StatusWriteCount} status writes for {results.Length} documents");
        var counts = await services.GetRequiredService<IDocumentStatusStore>().GetCountsAsync();
        Assert.Equal(60, counts[DocumentProcessingStatus.Processed]);
    }

    [Fact]
    public async Task CancelDocument_OneOfMany_OthersFinish()
    {
        var generator = new GatedEmbeddingGenerator();
        await using var services = TestServices.Create(generator: generator);
        var rag = services.GetRequiredService<IRagAnything>();
        var victim = SmallDocument(1000);

        var ingests = Enumerable.Range(0, 5).Select(index => rag.IngestAsync(SmallDocument(index))).Append(rag.IngestAsync(victim)).ToList();
        await WaitUntilAsync(() => generator.CallCount >= 1);
        var victimId = DocumentIds.FromSha256(victim.Sha256);
        await WaitUntilAsync(() => rag.CancelDocument(victimId));
        generator.Open();
        var results = await Task.WhenAll(ingests).WaitAsync(TestTimeout);

        var cancelled = Assert.Single(results, result => result.DocumentId == victimId);
        Assert.Equal(IngestOutcome.Failed, cancelled.Outcome);
        Assert.Contains("cancelled", cancelled.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(5, results.Count(result => result.Outcome == IngestOutcome.Processed));
    }

    [Fact]
    public async Task Ingest_SlowDocument_TimesOutWithCategory()
    {
        var generator = new GatedEmbeddingGenerator();
        await using var services = TestServices.Create(options => options.Ingestion.DocumentTimeout = TimeSpan.FromMilliseconds(300), generator: generator);
        var rag = services.GetRequiredService<IRagAnything>();

        var result = await rag.IngestAsync(SmallDocument(1)).WaitAsync(TestTimeout);

        Assert.Equal(IngestOutcome.Failed, result.Outcome);
        Assert.Equal(ErrorCategory.Timeout, result.Error!.Category);
        Assert.Equal(PipelineStages.Embed, result.Error.Stage);
        Assert.Contains("Ingestion:DocumentTimeout", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_CallerCancels_DocumentStaysResumable()
    {
        var generator = new GatedEmbeddingGenerator();
        await using var services = TestServices.Create(generator: generator);
        var rag = services.GetRequiredService<IRagAnything>();
        using var cancellation = new CancellationTokenSource();
        var source = SmallDocument(7);

        var ingest = rag.IngestAsync(source, cancellation.Token);
        await WaitUntilAsync(() => generator.CallCount >= 1);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ingest.WaitAsync(TestTimeout));
        generator.Open();
        var resumed = await rag.RecoverAsync().WaitAsync(TestTimeout);
        var result = Assert.Single(resumed);
        Assert.Equal(IngestOutcome.Processed, result.Outcome);
    }

    [Fact]
    public async Task Recover_LeftoverWithOriginal_IsProcessedOnce()
    {
        await using var services = TestServices.Create();
        var rag = services.GetRequiredService<IRagAnything>();
        var statuses = services.GetRequiredService<IDocumentStatusStore>();
        var blobs = services.GetRequiredService<IBlobStore>();
        var source = SmallDocument(42);
        var id = DocumentIds.FromSha256(source.Sha256);

        // What a process killed mid-embedding leaves behind: the accepted record and the original bytes.
        await statuses.TryAddAsync(new DocumentStatusRecord
        {
            Id = id,
            SourceName = source.Name,
            Sha256 = source.Sha256,
            Status = DocumentProcessingStatus.Embedding,
            BlobKey = StoreCollections.OriginalsPrefix + id,
        });
        await blobs.WriteAsync(StoreCollections.OriginalsPrefix + id, new MemoryStream(source.Content.ToArray()));

        var results = await rag.RecoverAsync().WaitAsync(TestTimeout);
        var again = await rag.RecoverAsync().WaitAsync(TestTimeout);

        var result = Assert.Single(results);
        Assert.Equal(IngestOutcome.Processed, result.Outcome);
        Assert.Empty(again);
        var chunkCount = (await rag.GetDocumentAsync(id))!.ChunkCount;
        Assert.Equal(chunkCount, await services.GetRequiredService<IVectorStore>().CountAsync(StoreCollections.Chunks));
    }

    [Fact]
    public async Task Recover_LeftoverWithoutOriginal_FailsWithReason()
    {
        await using var services = TestServices.Create();
        var rag = services.GetRequiredService<IRagAnything>();
        await services.GetRequiredService<IDocumentStatusStore>().TryAddAsync(new DocumentStatusRecord
        {
            Id = "doc-00000000000000000000000000000001",
            SourceName = "lost.txt",
            Sha256 = new string('1', 64),
            Status = DocumentProcessingStatus.Parsing,
        });

        var result = Assert.Single(await rag.RecoverAsync().WaitAsync(TestTimeout));

        Assert.Equal(IngestOutcome.Failed, result.Outcome);
        Assert.Contains("original bytes were not kept", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reprocess_FailedDocument_RunsAgain()
    {
        var generator = new GatedEmbeddingGenerator(startOpen: true) { Failure = new IOException("disk hiccup") };
        await using var services = TestServices.Create(generator: generator);
        var rag = services.GetRequiredService<IRagAnything>();

        var failed = await rag.IngestAsync(SmallDocument(3)).WaitAsync(TestTimeout);
        generator.Failure = null;
        var again = await rag.ReprocessAsync(failed.DocumentId!).WaitAsync(TestTimeout);

        Assert.Equal(IngestOutcome.Failed, failed.Outcome);
        Assert.Equal(ErrorCategory.Transient, failed.Error!.Category);
        Assert.Equal(IngestOutcome.Processed, again!.Outcome);
        Assert.Null(await rag.ReprocessAsync("doc-unknown"));
    }

    [Fact]
    public async Task Query_DuringBlockedIngest_IsAnswered()
    {
        var generator = new GatedEmbeddingGenerator(startOpen: true);
        await using var services = TestServices.Create(generator: generator);
        var rag = services.GetRequiredService<IRagAnything>();
        await rag.IngestAsync(new DocumentSource("tides.txt", Encoding.UTF8.GetBytes("Tides are caused mainly by the gravity of the Moon.")));

        // Hold the ingest in parse by filling the pipeline with many documents while querying.
        var ingests = Enumerable.Range(0, 200).Select(index => rag.IngestAsync(SmallDocument(index))).ToList();
        var answer = await rag.QueryAsync(new QueryRequest { Query = "What causes tides?" }).WaitAsync(TestTimeout);
        await Task.WhenAll(ingests).WaitAsync(TestTimeout);

        Assert.Equal("tides.txt", answer.Citations[0].DocumentName);
    }

    [Fact]
    public async Task Watch_Ingest_StreamsStagesInOrder()
    {
        await using var services = TestServices.Create();
        var rag = services.GetRequiredService<IRagAnything>();
        using var stop = new CancellationTokenSource(TestTimeout);
        var events = new List<IngestionProgress>();
        var watching = Task.Run(async () =>
        {
            await foreach (var progress in rag.WatchAsync(stop.Token))
            {
                events.Add(progress);
                if (progress.Status == DocumentProcessingStatus.Processed)
                {
                    break;
                }
            }
        });
        await Task.Delay(50);

        await rag.IngestAsync(SmallDocument(5));
        await watching.WaitAsync(TestTimeout);

        Assert.Equal(
            [PipelineStages.Parse, PipelineStages.Chunk, PipelineStages.Embed, PipelineStages.Index, PipelineStages.Extract, PipelineStages.Done],
            events.Select(progress => progress.Stage));
        Assert.Equal(DocumentProcessingStatus.Processed, events[^1].Status);
        Assert.Equal(100, events[^1].Percent);
    }

    private static DocumentSource SmallDocument(int index)
    {
        var text = $"Document {index.ToString(CultureInfo.InvariantCulture)} describes harbour number {index} and its {index % 13} cranes. " +
            "The harbour handles containers, grain and timber throughout the year.";
        return new DocumentSource($"harbour-{index}.txt", Encoding.UTF8.GetBytes(text));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TestTimeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not become true in time.");
            }

            await Task.Delay(10);
        }
    }
}
