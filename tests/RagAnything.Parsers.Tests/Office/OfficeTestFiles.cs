using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace RagAnything.Parsers.Tests.Office;

/// <summary>
/// Writes the generated Office files that the tests need: small workbooks, a large streamed workbook, and hostile or
/// damaged packages derived from corpus files.
/// </summary>
internal static class OfficeTestFiles
{
    private const string HyperlinkRelationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

    /// <summary>Creates a one-sheet workbook whose style 1 uses <paramref name="numberFormatId"/>.</summary>
    public static byte[] CreateWorkbook(
        Action<SheetData> fill,
        IReadOnlyList<string>? mergeRanges = null,
        uint numberFormatId = 0,
        Dictionary<uint, string>? customFormats = null)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();

            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = CreateStylesheet(numberFormatId, customFormats ?? []);

            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var sheetData = new SheetData();
            fill(sheetData);
            var worksheet = new Worksheet(sheetData);
            if (mergeRanges is { Count: > 0 })
            {
                worksheet.Append(new MergeCells(mergeRanges.Select(range => new MergeCell { Reference = range })));
            }

            sheetPart.Worksheet = worksheet;
            workbookPart.Workbook.AppendChild(new Sheets(new Sheet { Name = "Data", SheetId = 1, Id = workbookPart.GetIdOfPart(sheetPart) }));
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Streams a workbook of <paramref name="rowCount"/> rows (a header and data rows of five columns) to a file with
    /// <see cref="OpenXmlWriter"/>, so the test never keeps the sheet in memory.
    /// </summary>
    public static void WriteLargeWorkbook(string path, int rowCount)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
        stylesPart.Stylesheet = CreateStylesheet(4, [], extraFormatId: 14);
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();

        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, 1, [InlineCell("A1", "Id"), InlineCell("B1", "Customer"), InlineCell("C1", "Amount"), InlineCell("D1", "Date"), InlineCell("E1", "Active")]);
            for (var row = 2; row <= rowCount; row++)
            {
                WriteRow(writer, row,
                [
                    new Cell { CellReference = "A" + row, CellValue = new CellValue(row - 1) },
                    InlineCell("B" + row, "Customer " + (row % 1000)),
                    new Cell { CellReference = "C" + row, CellValue = new CellValue(row * 1.25m), StyleIndex = 1 },
                    new Cell { CellReference = "D" + row, CellValue = new CellValue(45000 + (row % 365)), StyleIndex = 2 },
                    new Cell { CellReference = "E" + row, DataType = CellValues.Boolean, CellValue = new CellValue(row % 2 == 0 ? "1" : "0") },
                ]);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        workbookPart.Workbook.AppendChild(new Sheets(new Sheet { Name = "Large", SheetId = 1, Id = workbookPart.GetIdOfPart(sheetPart) }));
    }

    /// <summary>
    /// Writes a ZIP that looks like a DOCX and holds <paramref name="zeroBytes"/> zeros in word/document.xml, streaming
    /// the zeros in small blocks so the test never allocates them at once.
    /// </summary>
    public static byte[] CreateZipBomb(long zeroBytes)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            WriteEntry(archive, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>""");

            var entry = archive.CreateEntry("word/document.xml", CompressionLevel.SmallestSize);
            using var entryStream = entry.Open();
            var block = new byte[64 * 1024];
            for (var written = 0L; written < zeroBytes; written += block.Length)
            {
                entryStream.Write(block, 0, (int)Math.Min(block.Length, zeroBytes - written));
            }
        }

        return stream.ToArray();
    }

    /// <summary>Copies a corpus package, letting <paramref name="rewrite"/> replace the text of chosen XML entries.</summary>
    public static byte[] RewritePackage(string corpusName, Func<string, string, string?> rewrite, Action<ZipArchive>? addEntries = null)
    {
        using var stream = new MemoryStream();
        using (var input = ZipFile.OpenRead(Corpus.PathOf(corpusName)))
        using (var output = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                using var reader = entry.Open();
                var target = output.CreateEntry(entry.FullName);
                using var writer = target.Open();
                if (entry.FullName.EndsWith(".xml", StringComparison.Ordinal) || entry.FullName.EndsWith(".rels", StringComparison.Ordinal))
                {
                    var text = new StreamReader(reader, Encoding.UTF8).ReadToEnd();
                    var bytes = Encoding.UTF8.GetBytes(rewrite(entry.FullName, text) ?? text);
                    writer.Write(bytes);
                }
                else
                {
                    reader.CopyTo(writer);
                }
            }

            addEntries?.Invoke(output);
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Returns a DOCX with a hyperlink whose external target is not a valid URI, as written by some non-Office tools.
    /// </summary>
    public static byte[] CreateDocxWithBrokenHyperlink(string linkText) =>
        RewritePackage("docx_table_and_image.docx", (name, text) => name switch
        {
            "word/_rels/document.xml.rels" => text.Replace(
                "</Relationships>",
                $"""<Relationship Id="rIdBroken" Type="{HyperlinkRelationshipType}" Target="http://[::bad" TargetMode="External"/></Relationships>""",
                StringComparison.Ordinal),
            "word/document.xml" => text.Insert(
                text.LastIndexOf("<w:sectPr", StringComparison.Ordinal),
                $"""<w:p><w:r><w:t xml:space="preserve">See </w:t></w:r><w:hyperlink r:id="rIdBroken"><w:r><w:t>{linkText}</w:t></w:r></w:hyperlink></w:p>"""),
            _ => null,
        });

    /// <summary>
    /// Returns a DOCX whose picture entry contains <paramref name="actualBytes"/> zeros while its ZIP headers declare
    /// <paramref name="declaredBytes"/>.
    /// </summary>
    public static byte[] CreateDocxWithLyingImageSize(int actualBytes, uint declaredBytes)
    {
        const string imageName = "word/media/image1.png";
        var package = RewritePackage("docx_table_and_image.docx", (_, _) => null);
        using (var stream = new MemoryStream())
        {
            using (var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
            using (var output = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var entry in input.Entries)
                {
                    using var reader = entry.Open();
                    using var writer = output.CreateEntry(entry.FullName, CompressionLevel.SmallestSize).Open();
                    if (entry.FullName == imageName)
                    {
                        writer.Write(new byte[actualBytes]);
                    }
                    else
                    {
                        reader.CopyTo(writer);
                    }
                }
            }

            package = stream.ToArray();
        }

        PatchDeclaredSize(package, imageName, declaredBytes);
        return package;
    }

    /// <summary>Overwrites the uncompressed size of an entry in its local header and its central directory record.</summary>
    private static void PatchDeclaredSize(byte[] zip, string entryName, uint declaredBytes)
    {
        var name = Encoding.UTF8.GetBytes(entryName);
        var patched = 0;
        for (var position = 0; position + 46 < zip.Length; position++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(position));
            if (signature == 0x04034b50 && zip.AsSpan(position + 30).StartsWith(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(position + 22), declaredBytes);
                patched++;
            }
            else if (signature == 0x02014b50 && zip.AsSpan(position + 46).StartsWith(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(position + 24), declaredBytes);
                patched++;
            }
        }

        if (patched != 2)
        {
            throw new InvalidOperationException($"Expected to patch 2 headers of {entryName}, patched {patched}.");
        }
    }

    private static Stylesheet CreateStylesheet(uint numberFormatId, Dictionary<uint, string> customFormats, uint? extraFormatId = null)
    {
        var cellFormats = new CellFormats(new CellFormat { NumberFormatId = 0 }, new CellFormat { NumberFormatId = numberFormatId, ApplyNumberFormat = true });
        if (extraFormatId is not null)
        {
            cellFormats.Append(new CellFormat { NumberFormatId = extraFormatId, ApplyNumberFormat = true });
        }

        var stylesheet = new Stylesheet();
        if (customFormats.Count > 0)
        {
            stylesheet.Append(new NumberingFormats(customFormats.Select(pair => new NumberingFormat { NumberFormatId = pair.Key, FormatCode = pair.Value })));
        }

        stylesheet.Append(
            new Fonts(new Font()),
            new Fills(new Fill()),
            new Borders(new Border()),
            cellFormats);
        return stylesheet;
    }

    private static Cell InlineCell(string reference, string text) =>
        new() { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };

    private static void WriteRow(OpenXmlWriter writer, int rowIndex, Cell[] cells)
    {
        writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", string.Empty, rowIndex.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        foreach (var cell in cells)
        {
            writer.WriteElement(cell);
        }

        writer.WriteEndElement();
    }

    private static void WriteEntry(ZipArchive archive, string name, string text)
    {
        using var writer = new StreamWriter(archive.CreateEntry(name).Open(), Encoding.UTF8);
        writer.Write(text);
    }
}
