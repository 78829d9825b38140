using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using RagAnything.Parsing;

namespace RagAnything.Benchmarks.Parsing;

/// <summary>
/// Measures the PDF parser on files that exercise table detection, image extraction and OCR of scanned pages.
/// Pages per second is the returned page count divided by the mean time. The OCR case runs the real pdftoppm and
/// tesseract programs, so it measures them too.
/// </summary>
[MemoryDiagnoser]
public class PdfFeatureBenchmarks
{
    private readonly PdfParser _parser = new(
        Options.Create(new PdfParserOptions { OcrLanguages = "eng" }),
        textRecognizer: new TesseractTextRecognizer());

    private DocumentSource _source = null!;

    /// <summary>Gets or sets the corpus file to parse.</summary>
    [Params(
        "pdf_mtcars_table_3p.pdf",
        "pdf_wikipedia_tables_4p.pdf",
        "pdf_faa_handbook_page_images.pdf",
        "pdf_scanned_table_image_only.pdf")]
    public string File { get; set; } = string.Empty;

    /// <summary>Loads the file once, so the benchmark times parsing only.</summary>
    [GlobalSetup]
    public void LoadFile()
    {
        var path = Path.Combine(RepositoryPaths.SharedDirectory, "corpus", File);
        _source = new DocumentSource(File, System.IO.File.ReadAllBytes(path));
    }

    /// <summary>Parses the file and returns its page count.</summary>
    [Benchmark]
    public async Task<int> Parse()
    {
        var document = await _parser.ParseAsync(_source, MediaTypes.Pdf).ConfigureAwait(false);
        return document.PageCount;
    }
}
