using System.Globalization;
using BenchmarkDotNet.Attributes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using RagAnything.Parsing;

namespace RagAnything.Benchmarks.Parsing;

/// <summary>
/// Parses each Office file of the shared corpus, and a generated 100,000-row workbook, with the DOCX, XLSX and PPTX
/// parsers. The benchmark returns the page count, so pages (or slides, or sheets) per second are the page count divided
/// by the mean time. The generated workbook is one sheet, which becomes 500 tables of 200 rows.
/// </summary>
[MemoryDiagnoser]
public class OfficeParserBenchmarks
{
    /// <summary>The parameter value that selects the generated workbook instead of a corpus file.</summary>
    public const string GeneratedLargeSheet = "generated-100000-rows.xlsx";

    private const int LargeSheetRows = 100_000;

    private readonly DocxParser _docx = new();
    private readonly XlsxParser _xlsx = new();
    private readonly PptxParser _pptx = new();
    private DocumentSource _source = null!;
    private string? _generatedPath;

    /// <summary>Gets or sets the corpus file to parse, or <see cref="GeneratedLargeSheet"/>.</summary>
    [ParamsSource(nameof(Files))]
    public string FileName { get; set; } = string.Empty;

    /// <summary>Gets the Office files of the shared corpus, then the generated workbook.</summary>
    public static IEnumerable<string> Files() =>
    [
        "docx_table_and_image.docx", "docx_equations_omml.docx", "docx_rich_tables_spec.docx", "docx_lorem_tables_images.docx",
        "xlsx_financial_segments_5sheets.xlsx", "xlsx_four_sheets_charts_image.xlsx",
        "pptx_table_footnote.pptx", "pptx_slides_with_images.pptx", "pptx_charts.pptx",
        GeneratedLargeSheet,
    ];

    /// <summary>Loads the corpus file, or writes the generated workbook to a temporary file and loads it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(RepositoryPaths.SharedDirectory, "corpus", FileName);
        if (FileName == GeneratedLargeSheet)
        {
            _generatedPath = Path.Combine(Path.GetTempPath(), $"raganything-bench-{Guid.NewGuid():N}.xlsx");
            WriteLargeWorkbook(_generatedPath, LargeSheetRows);
            path = _generatedPath;
        }

        _source = DocumentSource.FromFileAsync(path).GetAwaiter().GetResult();
    }

    /// <summary>Deletes the generated workbook.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        if (_generatedPath is not null)
        {
            File.Delete(_generatedPath);
        }
    }

    /// <summary>Parses the file with the parser for its extension and returns its page count.</summary>
    [Benchmark]
    public int Parse()
    {
        var (parser, mediaType) = Path.GetExtension(FileName) switch
        {
            ".docx" => ((IDocumentParser)_docx, MediaTypes.Docx),
            ".xlsx" => (_xlsx, MediaTypes.Xlsx),
            _ => (_pptx, MediaTypes.Pptx),
        };

        return parser.ParseAsync(_source, mediaType).AsTask().GetAwaiter().GetResult().PageCount;
    }

    /// <summary>Streams a five-column workbook to a file with <see cref="OpenXmlWriter"/>.</summary>
    private static void WriteLargeWorkbook(string path, int rowCount)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
        stylesPart.Stylesheet = new Stylesheet(
            new Fonts(new Font()),
            new Fills(new Fill()),
            new Borders(new Border()),
            new CellFormats(new CellFormat { NumberFormatId = 0 }, new CellFormat { NumberFormatId = 4 }, new CellFormat { NumberFormatId = 14 }));
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();

        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            for (var row = 1; row <= rowCount; row++)
            {
                writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", string.Empty, row.ToString(CultureInfo.InvariantCulture))]);
                writer.WriteElement(new Cell { CellReference = "A" + row, CellValue = new CellValue(row) });
                writer.WriteElement(new Cell { CellReference = "B" + row, DataType = CellValues.InlineString, InlineString = new InlineString(new Text("Customer " + (row % 1000))) });
                writer.WriteElement(new Cell { CellReference = "C" + row, CellValue = new CellValue(row * 1.25m), StyleIndex = 1 });
                writer.WriteElement(new Cell { CellReference = "D" + row, CellValue = new CellValue(45000 + (row % 365)), StyleIndex = 2 });
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        workbookPart.Workbook.AppendChild(new Sheets(new Sheet { Name = "Large", SheetId = 1, Id = workbookPart.GetIdOfPart(sheetPart) }));
    }
}
