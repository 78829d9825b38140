using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using RagAnything.Content;
using RagAnything.Parsing;
using static RagAnything.Parsers.Tests.Office.OfficeTestParsing;

namespace RagAnything.Parsers.Tests.Office;

public sealed class XlsxParserTests
{
    [Fact]
    public async Task FinancialSegments_LabelsPagesWithSheetNames()
    {
        var document = await ParseCorpusAsync(new XlsxParser(), "xlsx_financial_segments_5sheets.xlsx");

        string[] expected =
        [
            "OS-Rev.and results 30 06 2023", "OS-Other information 30 06 2023", "Prod.Rev.and results 30 06 2023",
            "Prod.-Other inform. 30 06 23", "Reconciliation 30 06 2023",
        ];
        var tables = ItemsOf<TableItem>(document);
        Assert.Equal(expected, tables.Select(table => table.PageLabel).Distinct());
        Assert.Equal([0, 1, 2, 3, 4], tables.Select(table => table.PageIndex).Distinct());
        Assert.Equal(5, document.PageCount);
    }

    [Fact]
    public async Task FinancialSegments_FormatsNumbersAsShown()
    {
        var document = await ParseCorpusAsync(new XlsxParser(), "xlsx_financial_segments_5sheets.xlsx");

        // Sheet 1, row 9: 12553 and -81 under the format "#,##0\ ;\(#,##0\)" (trailing padding trimmed).
        var first = ItemsOf<TableItem>(document)[0];
        var row = first.Rows.Single(cells => cells[1] == "12,553");
        Assert.Equal("2,713", row[2]);
        Assert.Equal("(81)", row[5]);
        Assert.Equal(string.Empty, row[4]);
    }

    [Fact]
    public async Task FourSheets_ReadsAllSheets()
    {
        var document = await ParseCorpusAsync(new XlsxParser(), "xlsx_four_sheets_charts_image.xlsx");

        var tables = ItemsOf<TableItem>(document);
        Assert.Equal(["Sheet1", "Sheet2", "Sheet3", "Sheet4"], tables.Select(table => table.PageLabel));
        Assert.Equal(["first", "second", "third"], tables[0].Rows[0].Select(cell => cell.Trim()));
        Assert.Equal(["1", "5", "9"], tables[0].Rows[1]);
        Assert.Contains(document.Warnings, warning => warning.Contains("charts", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BlankCells_KeepTheirColumns()
    {
        var bytes = OfficeTestFiles.CreateWorkbook(sheetData =>
        {
            var row = new Row { RowIndex = 1 };
            row.Append(NumberCell("A1", "1"), NumberCell("C1", "3"), NumberCell("E1", "5"));
            sheetData.Append(row);
            var second = new Row { RowIndex = 2 };
            second.Append(NumberCell("B2", "2"));
            sheetData.Append(second);
        });

        var document = await ParseAsync(new XlsxParser(), new DocumentSource("blanks.xlsx", bytes));

        var table = Assert.Single(ItemsOf<TableItem>(document));
        Assert.Equal(["1", "", "3", "", "5"], table.Rows[0]);
        Assert.Equal(["", "2", "", "", ""], table.Rows[1]);
    }

    [Fact]
    public async Task TrailingEmptyRowsAndColumns_AreTrimmed()
    {
        var bytes = OfficeTestFiles.CreateWorkbook(sheetData =>
        {
            var row = new Row { RowIndex = 1 };
            row.Append(NumberCell("A1", "1"), NumberCell("B1", "2"), new Cell { CellReference = "F1", StyleIndex = 0 });
            sheetData.Append(row);
            var styledOnly = new Row { RowIndex = 7 };
            styledOnly.Append(new Cell { CellReference = "A7" });
            sheetData.Append(styledOnly);
        });

        var document = await ParseAsync(new XlsxParser(), new DocumentSource("trailing.xlsx", bytes));

        var table = Assert.Single(ItemsOf<TableItem>(document));
        Assert.Single(table.Rows);
        Assert.Equal(["1", "2"], table.Rows[0]);
    }

    [Fact]
    public async Task MergedRange_RepeatsValueInEveryCell()
    {
        var bytes = OfficeTestFiles.CreateWorkbook(
            sheetData =>
            {
                var header = new Row { RowIndex = 1 };
                header.Append(new Cell { CellReference = "A1", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("Region")) });
                sheetData.Append(header);
                var values = new Row { RowIndex = 3 };
                values.Append(NumberCell("C3", "7"));
                sheetData.Append(values);
            },
            mergeRanges: ["A1:B2"]);

        var document = await ParseAsync(new XlsxParser(), new DocumentSource("merged.xlsx", bytes));

        // Row 2 has no XML element, but the merged range A1:B2 still covers it.
        var table = Assert.Single(ItemsOf<TableItem>(document));
        Assert.Equal(3, table.Rows.Count);
        Assert.Equal(["Region", "Region", ""], table.Rows[0]);
        Assert.Equal(["Region", "Region", ""], table.Rows[1]);
        Assert.Equal(["", "", "7"], table.Rows[2]);
    }

    [Theory]
    [InlineData(0u, "1234.5", "1234.5")]
    [InlineData(4u, "1234.5", "1,234.50")]
    [InlineData(10u, "0.1234", "12.34%")]
    [InlineData(14u, "45107", "6/30/2023")]
    [InlineData(22u, "45107.75", "6/30/2023 18:00")]
    [InlineData(164u, "-1234.5", "(1,234.5)")]
    [InlineData(165u, "45107", "2023-06-30")]
    [InlineData(166u, "0.5", "50.0 %")]
    public async Task NumberFormats_RenderAsExcelShows(uint numberFormatId, string raw, string expected)
    {
        var bytes = OfficeTestFiles.CreateWorkbook(
            sheetData =>
            {
                var row = new Row { RowIndex = 1 };
                row.Append(new Cell { CellReference = "A1", CellValue = new CellValue(raw), StyleIndex = 1 });
                sheetData.Append(row);
            },
            numberFormatId: numberFormatId,
            customFormats: new() { [164] = "#,##0.0;(#,##0.0)", [165] = "yyyy-mm-dd", [166] = "0.0 %" });

        var document = await ParseAsync(new XlsxParser(), new DocumentSource("formats.xlsx", bytes));

        var table = Assert.Single(ItemsOf<TableItem>(document));
        Assert.Equal(expected, table.Rows[0][0]);
    }

    [Fact]
    public async Task BooleansAndErrors_AreShownAsExcelShows()
    {
        var bytes = OfficeTestFiles.CreateWorkbook(sheetData =>
        {
            var row = new Row { RowIndex = 1 };
            row.Append(
                new Cell { CellReference = "A1", DataType = CellValues.Boolean, CellValue = new CellValue("1") },
                new Cell { CellReference = "B1", DataType = CellValues.Error, CellValue = new CellValue("#DIV/0!") });
            sheetData.Append(row);
        });

        var document = await ParseAsync(new XlsxParser(), new DocumentSource("flags.xlsx", bytes));

        Assert.Equal(["TRUE", "#DIV/0!"], Assert.Single(ItemsOf<TableItem>(document)).Rows[0]);
    }

    private static Cell NumberCell(string reference, string value) =>
        new() { CellReference = reference, CellValue = new CellValue(value) };
}
