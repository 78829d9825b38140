using System.Text;
using Microsoft.Extensions.Options;
using RagAnything.Content;
using RagAnything.Errors;
using RagAnything.Parsing;

namespace RagAnything.Parsers.Tests.Csv;

public class CsvParserTests
{
    private readonly CsvParser _parser = new();

    [Fact]
    public async Task Customers_HeaderAndQuotedComma()
    {
        var document = await _parser.ParseAsync(await Corpus.LoadAsync("csv_customers.csv"), MediaTypes.Csv);
        var table = Assert.IsType<TableItem>(Assert.Single(document.Items));

        Assert.Equal(1, table.HeaderRowCount);
        Assert.Equal(
            ["Index", "Customer Id", "First Name", "Last Name", "Company", "City", "Country", "Phone 1", "Phone 2", "Email", "Subscription Date", "Website"],
            table.Rows[0]);
        Assert.Equal("Lozano, Dr", table.Rows[2][3]);
        Assert.Equal("Preston", table.Rows[2][2]);
        Assert.All(table.Rows, row => Assert.Equal(12, row.Count));
        Assert.Equal(",", document.Metadata["delimiter"]);
        Assert.Equal((table.Rows.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), document.Metadata["rowCount"]);
    }

    [Fact]
    public async Task GroundTruth_TwoHeaderRowsAndEmptyCells()
    {
        var document = await _parser.ParseAsync(await Corpus.LoadAsync("csv_table_multirow_ground_truth.csv"), MediaTypes.Csv);
        var table = Assert.IsType<TableItem>(Assert.Single(document.Items));

        Assert.Equal(2, table.HeaderRowCount);
        Assert.Equal(6, table.Rows.Count);
        Assert.Equal(["Disability Category", "Participants", "Ballots Completed", "Ballots Incomplete/Terminated", "Results", ""], table.Rows[0]);
        Assert.Equal(["", "", "", "", "Accuracy", "Time to complete"], table.Rows[1]);
        Assert.Equal(["Low Vision", "5", "2", "3", "98.3% n=2 (97.7%, n=3)", "1716 sec, n=3 (1934 sec, n=2)"], table.Rows[3]);
    }

    [Fact]
    public async Task ByteOrderMark_StrippedFromFirstHeader()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("name,age\nAda,36\nAlan,41\n")).ToArray();

        var table = await ParseSingleTableAsync(bytes, MediaTypes.Csv);

        Assert.Equal("name", table.Rows[0][0]);
        Assert.Equal(1, table.HeaderRowCount);
    }

    [Fact]
    public async Task Utf16WithByteOrderMark_Decodes()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("ville;habitants\nZürich;421878\nGenève;203856\n")).ToArray();

        var document = await _parser.ParseAsync(new DocumentSource("cities.csv", bytes), MediaTypes.Csv);
        var table = Assert.IsType<TableItem>(Assert.Single(document.Items));

        Assert.Equal("utf-16", document.Metadata["encoding"]);
        Assert.Equal(";", document.Metadata["delimiter"]);
        Assert.Equal(["Genève", "203856"], table.Rows[2]);
    }

    [Fact]
    public async Task Tsv_SplitsOnTabs()
    {
        var table = await ParseSingleTableAsync(Encoding.UTF8.GetBytes("id\tname, title\tscore\n1\tSmith, J.\t9.5\n2\tDoe, A.\t7\n"), MediaTypes.Tsv);

        Assert.Equal(["id", "name, title", "score"], table.Rows[0]);
        Assert.Equal(["1", "Smith, J.", "9.5"], table.Rows[1]);
    }

    [Fact]
    public async Task Semicolons_WithDecimalCommas()
    {
        var document = await _parser.ParseAsync(
            new DocumentSource("prices.csv", Encoding.UTF8.GetBytes("Produkt;Preis;Menge\nÄpfel;2,49;3\nBirnen;3,10;1\nKirschen;5,00;2\n")),
            MediaTypes.Csv);
        var table = Assert.IsType<TableItem>(Assert.Single(document.Items));

        Assert.Equal(";", document.Metadata["delimiter"]);
        Assert.Equal(1, table.HeaderRowCount);
        Assert.Equal(["Äpfel", "2,49", "3"], table.Rows[1]);
    }

    [Fact]
    public async Task PipeDelimiter_Detected()
    {
        var document = await _parser.ParseAsync(
            new DocumentSource("pipes.txt", Encoding.UTF8.GetBytes("a|b|c\n1|2|3\n4|5|6\n")), MediaTypes.Csv);

        Assert.Equal("|", document.Metadata["delimiter"]);
    }

    [Fact]
    public async Task QuotedField_WithNewlineAndDoubledQuotes()
    {
        const string Csv = "title,notes\r\n\"Report\",\"Line one\r\nLine \"\"two\"\", with comma\"\r\n\"Memo\",plain\r\n";

        var table = await ParseSingleTableAsync(Encoding.UTF8.GetBytes(Csv), MediaTypes.Csv);

        Assert.Equal(3, table.Rows.Count);
        Assert.Equal("Line one\r\nLine \"two\", with comma", table.Rows[1][1]);
        Assert.Equal(["Memo", "plain"], table.Rows[2]);
    }

    [Fact]
    public async Task RaggedRows_ArePadded()
    {
        var table = await ParseSingleTableAsync(Encoding.UTF8.GetBytes("a,b,c\n1,2\n3,4,5,6\n7,8,9\n"), MediaTypes.Csv);

        Assert.All(table.Rows, row => Assert.Equal(4, row.Count));
        Assert.Equal(["1", "2", "", ""], table.Rows[1]);
        Assert.Equal(["a", "b", "c", ""], table.Rows[0]);
    }

    [Fact]
    public async Task UnterminatedQuote_ReadsToEndWithWarning()
    {
        var document = await _parser.ParseAsync(
            new DocumentSource("broken.csv", Encoding.UTF8.GetBytes("name,quote\nAda,\"never closed\nAlan,7\n")), MediaTypes.Csv);

        var table = Assert.IsType<TableItem>(Assert.Single(document.Items));
        Assert.Equal("never closed\nAlan,7\n", table.Rows[^1][1]);
        Assert.Contains(document.Warnings, warning => warning.Contains("line 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LargeFile_SplitsIntoBoundedTables()
    {
        var csv = new StringBuilder("id,name,amount\n");
        for (var row = 1; row <= 50_000; row++)
        {
            csv.Append(row).Append(",\"Customer ").Append(row).Append(", Ltd\",").Append(row * 1.5).Append('\n');
        }

        var document = await _parser.ParseAsync(new DocumentSource("large.csv", Encoding.UTF8.GetBytes(csv.ToString())), MediaTypes.Csv);
        var tables = document.Items.Cast<TableItem>().ToList();

        Assert.Equal(250, tables.Count);
        Assert.All(tables, table => Assert.Equal(["id", "name", "amount"], table.Rows[0]));
        Assert.All(tables, table => Assert.Equal(1, table.HeaderRowCount));
        Assert.All(tables, table => Assert.Equal(CsvParserOptions.DefaultRowsPerTable + 1, table.Rows.Count));
        Assert.Equal(["50000", "Customer 50000, Ltd", "75000"], tables[^1].Rows[^1]);
        Assert.Equal("50000", document.Metadata["rowCount"]);
    }

    [Fact]
    public async Task RowsPerTable_OptionIsHonoured()
    {
        var parser = new CsvParser(Options.Create(new CsvParserOptions { RowsPerTable = 2 }));
        var document = await parser.ParseAsync(new DocumentSource("small.csv", Encoding.UTF8.GetBytes("k,v\na,1\nb,2\nc,3\n")), MediaTypes.Csv);

        var tables = document.Items.Cast<TableItem>().ToList();
        Assert.Equal(2, tables.Count);
        Assert.Equal(["k", "v"], tables[1].Rows[0]);
        Assert.Equal(["c", "3"], tables[1].Rows[1]);
    }

    [Fact]
    public void RowsPerTable_ZeroIsRejected()
    {
        var exception = Assert.Throws<OptionsValidationException>(() => new CsvParser(Options.Create(new CsvParserOptions { RowsPerTable = 0 })));

        Assert.Contains("RowsPerTable is 0", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NumbersOnly_HasNoHeader()
    {
        var table = await ParseSingleTableAsync(Encoding.UTF8.GetBytes("1,2,3\n4,5,6\n"), MediaTypes.Csv);

        Assert.Equal(0, table.HeaderRowCount);
        Assert.Equal(2, table.Rows.Count);
    }

    [Fact]
    public async Task BlankFile_IsRejected()
    {
        var exception = await Assert.ThrowsAsync<DocumentParseException>(
            () => _parser.ParseAsync(new DocumentSource("blank.csv", Encoding.UTF8.GetBytes("\n\r\n\n")), MediaTypes.Csv).AsTask());

        Assert.Equal("empty", exception.Reason);
    }

    private async Task<TableItem> ParseSingleTableAsync(byte[] bytes, string mediaType)
    {
        var document = await _parser.ParseAsync(new DocumentSource("test.csv", bytes), mediaType);
        return Assert.IsType<TableItem>(Assert.Single(document.Items));
    }
}
