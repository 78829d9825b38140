using System.Text;
using BenchmarkDotNet.Attributes;
using RagAnything.Content;
using RagAnything.Parsing;

namespace RagAnything.Benchmarks.Parsing;

/// <summary>
/// Parse time and allocations of the HTML and CSV parsers on the shared corpus files, plus a generated
/// 50,000-row CSV that measures the streaming path with bounded table items.
/// </summary>
[MemoryDiagnoser]
public class WebParserBenchmarks
{
    private const int GeneratedCsvRows = 50_000;

    private readonly HtmlParser _htmlParser = new();
    private readonly CsvParser _csvParser = new();
    private DocumentSource _wikipedia = null!;
    private DocumentSource _secFiling = null!;
    private DocumentSource _customers = null!;
    private DocumentSource _generatedCsv = null!;

    /// <summary>Loads the corpus files and builds the generated CSV once, outside the measured region.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _wikipedia = Load("html_wikipedia_duck.html");
        _secFiling = Load("html_sec_10k_tables.html");
        _customers = Load("csv_customers.csv");

        var csv = new StringBuilder("id,name,city,amount\n");
        for (var row = 1; row <= GeneratedCsvRows; row++)
        {
            csv.Append(row).Append(",\"Customer ").Append(row).Append(", Ltd\",Springfield,").Append(row * 3 % 1000).Append(".50\n");
        }

        _generatedCsv = new DocumentSource("generated.csv", Encoding.UTF8.GetBytes(csv.ToString()));
    }

    /// <summary>A 245 KB Wikipedia page with navigation chrome, an infobox and figures.</summary>
    [Benchmark]
    public Task<ParsedDocument> HtmlWikipedia() => _htmlParser.ParseAsync(_wikipedia, MediaTypes.Html).AsTask();

    /// <summary>A 45 KB SEC filing whose tables mix layout and data.</summary>
    [Benchmark]
    public Task<ParsedDocument> HtmlSecFiling() => _htmlParser.ParseAsync(_secFiling, MediaTypes.Html).AsTask();

    /// <summary>A 1 KB CSV with quoted fields.</summary>
    [Benchmark]
    public Task<ParsedDocument> CsvCustomers() => _csvParser.ParseAsync(_customers, MediaTypes.Csv).AsTask();

    /// <summary>A generated CSV of 50,000 rows, split into 250 table items of 200 rows.</summary>
    [Benchmark]
    public Task<ParsedDocument> CsvGenerated50kRows() => _csvParser.ParseAsync(_generatedCsv, MediaTypes.Csv).AsTask();

    private static DocumentSource Load(string name)
    {
        var path = Path.Combine(RepositoryPaths.SharedDirectory, "corpus", name);
        return new DocumentSource(name, File.ReadAllBytes(path));
    }
}
