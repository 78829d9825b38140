using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.ML.Tokenizers;
using RagAnything.Chunking;
using RagAnything.Content;
using RagAnything.Parsing;

namespace RagAnything.Benchmarks.Chunking;

/// <summary>
/// Chunks already-parsed documents with the MiniLM tokenizer: a long English article, a long PDF and a Chinese PDF.
/// Characters per second follow from the reported time and the sizes printed at setup.
/// </summary>
[MemoryDiagnoser]
public class ChunkerThroughputBenchmarks
{
    private readonly Dictionary<string, ParsedDocument> _documents = new(StringComparer.Ordinal);
    private TokenChunker _chunker = null!;
    private ServiceProvider _services = null!;

    /// <summary>Gets or sets the corpus file to chunk.</summary>
    [Params("txt_wikipedia_norwich_city.txt", "pdf_uk_planning_policy_76p.pdf", "pdf_chinese_half_year_report_95p.pdf")]
    public string File { get; set; } = "";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var services = new ServiceCollection();
        services.AddRagAnything().AddDefaultParsers().AddOnnxEmbeddings();
        _services = services.BuildServiceProvider();

        _chunker = new TokenChunker(_services.GetRequiredService<Tokenizer>(), Options.Create(new ChunkingOptions()));

        var path = Path.Combine(RepositoryPaths.SharedDirectory, "corpus", File);
        var source = await DocumentSource.FromFileAsync(path).ConfigureAwait(false);
        var mediaType = _services.GetRequiredService<IMediaTypeDetector>().Detect(source);
        var parser = _services.GetServices<IDocumentParser>().First(candidate => candidate.MediaTypes.Contains(mediaType));
        var document = await parser.ParseAsync(source, mediaType).ConfigureAwait(false);
        _documents[File] = document;

        var characters = document.Items.OfType<TextItem>().Sum(item => item.Text.Length);
        Console.WriteLine($"// {File}: {document.Items.Count} items, {characters:N0} text characters");
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark]
    public int Chunk() => _chunker.Chunk(_documents[File], "doc-benchmark").Count;
}
