using BenchmarkDotNet.Attributes;
using RagAnything.Parsing;

namespace RagAnything.Benchmarks.Parsing;

/// <summary>
/// Measures how long the bundled parsers take per document. Pages per second is the page count in the parameter
/// name divided by the mean time; Markdown and text files count as one page.
/// </summary>
[MemoryDiagnoser]
public class ParserThroughputBenchmarks
{
    private readonly PdfParser _pdfParser = new();
    private readonly MarkdownParser _markdownParser = new();

    private DocumentSource _source = null!;

    /// <summary>Gets or sets the corpus file to parse.</summary>
    [Params(
        "pdf_dpr_paper_2col_13p.pdf",
        "pdf_us_cfr_2col_damaged_19p.pdf",
        "pdf_uk_planning_policy_76p.pdf",
        "pdf_chinese_half_year_report_95p.pdf",
        "md_readme_tables_code.md",
        "md_wikipedia_ibm.md")]
    public string File { get; set; } = string.Empty;

    /// <summary>Loads the file once, so the benchmark times parsing only.</summary>
    [GlobalSetup]
    public void LoadFile()
    {
        var path = Path.Combine(RepositoryPaths.SharedDirectory, "corpus", File);
        _source = new DocumentSource(File, System.IO.File.ReadAllBytes(path));
    }

    /// <summary>Parses the file with the parser for its extension and returns the item count.</summary>
    [Benchmark]
    public async Task<int> Parse()
    {
        var document = File.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)
            ? await _pdfParser.ParseAsync(_source, MediaTypes.Pdf).ConfigureAwait(false)
            : await _markdownParser.ParseAsync(_source, MediaTypes.Markdown).ConfigureAwait(false);
        return document.Items.Count;
    }
}
