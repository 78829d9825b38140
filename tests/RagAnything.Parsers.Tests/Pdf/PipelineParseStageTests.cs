using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using RagAnything.Chunking;
using RagAnything.Ingestion;
using RagAnything.Parsing;

namespace RagAnything.Parsers.Tests.Pdf;

/// <summary>
/// The ingestion pipeline's parse stage with the default parsers: parse cache, statistics and sniffing warnings.
/// </summary>
public class PipelineParseStageTests
{
    private static readonly TimeSpan IngestTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Reprocess_SameBytesParsedOnce()
    {
        var counting = new CountingParser(new PdfParser());
        await using var provider = CreateProvider(counting);
        var rag = provider.GetRequiredService<IRagAnything>();

        var first = await rag.IngestAsync(new DocumentSource("a.pdf", CyclicPdfs.Valid())).WaitAsync(IngestTimeout);
        var renamed = await rag.IngestAsync(new DocumentSource("renamed.pdf", CyclicPdfs.Valid())).WaitAsync(IngestTimeout);
        var again = await rag.ReprocessAsync(first.DocumentId!).WaitAsync(IngestTimeout);

        Assert.True(first.Outcome == IngestOutcome.Processed, first.Error?.Message);
        Assert.Equal(IngestOutcome.AlreadyPresent, renamed.Outcome);
        Assert.NotNull(again);
        Assert.Equal(IngestOutcome.Processed, again.Outcome);
        Assert.Equal(1, counting.Calls);
        var cache = provider.GetRequiredService<IParseCache>();
        Assert.Equal(1, cache.Hits);
        var entry = Assert.Single(provider.GetRequiredService<IParserStatistics>().GetSnapshot());
        Assert.Equal(("pdf", MediaTypes.Pdf, 1L, 1L), (entry.ParserId, entry.MediaType, entry.Documents, entry.CacheHits));
    }

    [Fact]
    public async Task PdfNamedDocx_ParsedWithWarning()
    {
        await using var provider = CreateProvider(null);
        var rag = provider.GetRequiredService<IRagAnything>();

        var result = await rag.IngestAsync(new DocumentSource("report.docx", CyclicPdfs.Valid())).WaitAsync(IngestTimeout);

        Assert.True(result.Outcome == IngestOutcome.Processed, result.Error?.Message);
        Assert.Contains(result.Warnings, warning => warning.Contains("the content was used", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CorruptPdf_FailureCounted()
    {
        await using var provider = CreateProvider(null);
        var rag = provider.GetRequiredService<IRagAnything>();

        var result = await rag.IngestAsync(new DocumentSource("loop.pdf", CyclicPdfs.PageTreeContainsItself())).WaitAsync(IngestTimeout);

        Assert.Equal(IngestOutcome.Failed, result.Outcome);
        Assert.Equal(ErrorCategory.Permanent, result.Error!.Category);
        var entry = Assert.Single(provider.GetRequiredService<IParserStatistics>().GetSnapshot());
        Assert.Equal(1, entry.FailuresByCategory[ErrorCategory.Permanent]);
    }

    [Fact]
    public async Task UnknownBinary_RejectedAsUnsupported()
    {
        await using var provider = CreateProvider(null);
        var rag = provider.GetRequiredService<IRagAnything>();

        var result = await rag.IngestAsync(new DocumentSource("blob.bin", new byte[] { 0, 1, 2, 0xFF, 0, 0, 7, 200 })).WaitAsync(IngestTimeout);

        Assert.Equal(IngestOutcome.Failed, result.Outcome);
        Assert.Equal(ErrorCategory.Validation, result.Error!.Category);
        Assert.Contains("Unsupported", result.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("empty.pdf")]
    [InlineData("empty.docx")]
    [InlineData("empty.xlsx")]
    [InlineData("empty.pptx")]
    [InlineData("empty.html")]
    [InlineData("empty.csv")]
    [InlineData("empty.png")]
    [InlineData("empty.md")]
    [InlineData("empty.txt")]
    public async Task EmptyFile_FailsValidation(string name)
    {
        await using var provider = CreateProvider(null);
        var rag = provider.GetRequiredService<IRagAnything>();

        var result = await rag.IngestAsync(new DocumentSource(name, ReadOnlyMemory<byte>.Empty)).WaitAsync(IngestTimeout);

        Assert.Equal(IngestOutcome.Failed, result.Outcome);
        Assert.Equal(ErrorCategory.Validation, result.Error!.Category);
        Assert.Contains("empty", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DefaultParsers_EmptyContentRejected()
    {
        await using var provider = CreateProvider(null);

        foreach (var parser in provider.GetServices<IDocumentParser>())
        {
            foreach (var mediaType in parser.MediaTypes)
            {
                var error = await Assert.ThrowsAsync<RagAnything.Errors.DocumentParseException>(
                    () => parser.ParseAsync(new DocumentSource("empty", ReadOnlyMemory<byte>.Empty), mediaType).AsTask());
                Assert.True(error.Category == ErrorCategory.Validation, $"{parser.Id} {mediaType}: {error.Category} {error.Message}");
            }
        }
    }

    private static ServiceProvider CreateProvider(CountingParser? parser)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IChunker, SingleChunker>();
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>, ConstantEmbeddingGenerator>();
        if (parser is not null)
        {
            // Registered before the defaults, so the pipeline picks it for application/pdf.
            services.AddSingleton<IDocumentParser>(parser);
        }

        services.AddRagAnything(options => options.Ingestion.BuildKnowledgeGraph = false).AddDefaultParsers();
        return services.BuildServiceProvider();
    }
}
