using System.Text;
using RagAnything.Content;
using RagAnything.Errors;
using RagAnything.Parsing;
using Xunit.Abstractions;

namespace RagAnything.Parsers.Tests.Html;

public class HtmlParserTests
{
    private readonly HtmlParser _parser = new();
    private readonly ITestOutputHelper _output;

    public HtmlParserTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task Wikipedia_KeepsHeadingsAndBody()
    {
        var document = await ParseCorpusAsync("html_wikipedia_duck.html");
        var headings = document.Items.OfType<TextItem>().Where(item => item.Role == TextRole.Heading).ToList();
        var text = AllText(document);

        Assert.Equal("Duck - Wikipedia", document.Metadata["title"]);
        Assert.Equal("utf-8", document.Metadata["encoding"]);
        Assert.Contains(headings, heading => heading.Text == "Duck" && heading.HeadingLevel == 1);
        var taxonomy = Assert.Single(headings, heading => heading.Text == "Taxonomy");
        Assert.Equal(2, taxonomy.HeadingLevel);
        Assert.Equal(["Duck"], taxonomy.HeadingPath);
        Assert.Contains("Duck is the common name for numerous species of waterfowl in the family Anatidae", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wikipedia_DropsNavigationAndScripts()
    {
        var document = await ParseCorpusAsync("html_wikipedia_duck.html");
        var text = AllText(document);

        Assert.DoesNotContain("Jump to navigation", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Jump to content", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Main page", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Contents", document.Items.OfType<TextItem>().Where(item => item.Role == TextRole.Heading).Select(item => item.Text));
        Assert.DoesNotContain("document.documentElement", text, StringComparison.Ordinal);
        Assert.DoesNotContain("RLCONF", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[edit]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("This page was last edited", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wikipedia_SectionTextCarriesHeadingPath()
    {
        var document = await ParseCorpusAsync("html_wikipedia_duck.html");

        var paragraph = document.Items.OfType<TextItem>()
            .First(item => item.Role == TextRole.Paragraph && item.HeadingPath.Contains("Taxonomy"));

        Assert.Equal("Duck", paragraph.HeadingPath[0]);
        Assert.All(document.Items.Skip(1), item => Assert.NotEmpty(item.HeadingPath));
    }

    [Fact]
    public async Task Wikipedia_FiguresBecomeImagesWithCaptions()
    {
        var document = await ParseCorpusAsync("html_wikipedia_duck.html");
        var images = document.Items.OfType<ImageItem>().ToList();

        Assert.NotEmpty(images);
        Assert.Contains(images, image => image.Caption is not null && image.Caption.Contains("duck", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Sec10K_ReadsTableCells()
    {
        var document = await ParseCorpusAsync("html_sec_10k_tables.html");
        var tables = document.Items.OfType<TableItem>().ToList();
        var cells = tables.SelectMany(table => table.Rows).SelectMany(row => row).ToList();

        Assert.Contains("20-8143439", cells);
        Assert.Contains(tables.SelectMany(table => table.Rows), row => row.Contains("Item 1A.") && row.Contains("Risk Factors") && row.Contains("9"));
        Assert.Contains(tables, table => table.Rows.Any(row => row.SequenceEqual(["Common stock", "GLXZ", "OTCQB marketplace"])));
        Assert.All(tables, table => Assert.All(table.Rows, row => Assert.Equal(table.Rows[0].Count, row.Count)));
        Assert.Equal("utf-8", document.Metadata["encoding"]);
    }

    [Fact]
    public async Task Utf16WithByteOrderMark_Decodes()
    {
        const string Html = "<html><head><title>Café</title></head><body><h1>Größe</h1><p>Ein Bär läuft über die Brücke.</p></body></html>";
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Html)).ToArray();

        var document = await _parser.ParseAsync(new DocumentSource("utf16.html", bytes), MediaTypes.Html);

        Assert.Equal("Café", document.Metadata["title"]);
        Assert.Equal("utf-16", document.Metadata["encoding"]);
        Assert.Equal("Größe", ((TextItem)document.Items[0]).Text);
        Assert.Equal("Ein Bär läuft über die Brücke.", ((TextItem)document.Items[1]).Text);
    }

    [Fact]
    public async Task Utf16BigEndianWithoutMark_Decodes()
    {
        const string Html = "<html><body><p>Ärger über Öl</p></body></html>";

        var document = await _parser.ParseAsync(new DocumentSource("utf16be.html", Encoding.BigEndianUnicode.GetBytes(Html)), MediaTypes.Html);

        Assert.Equal("Ärger über Öl", Assert.IsType<TextItem>(Assert.Single(document.Items)).Text);
    }

    [Fact]
    public async Task MetaCharset_Windows1252()
    {
        var bytes = Encoding.Latin1.GetBytes("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body><p>Molière € </p></body></html>");
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0x80; // The Euro sign is 0x80 in Windows-1252, which HTML uses for ISO-8859-1.

        var document = await _parser.ParseAsync(new DocumentSource("latin.html", bytes), MediaTypes.Html);

        Assert.Equal("windows-1252", document.Metadata["encoding"]);
        Assert.Equal("Molière €", Assert.IsType<TextItem>(Assert.Single(document.Items)).Text);
    }

    [Fact]
    public async Task Undeclared_InvalidUtf8_FallsBackToWindows1252()
    {
        var bytes = new byte[] { (byte)'<', (byte)'p', (byte)'>', (byte)'c', (byte)'a', (byte)'f', 0xE9 };

        var document = await _parser.ParseAsync(new DocumentSource("legacy.html", bytes), MediaTypes.Html);

        Assert.Equal("windows-1252", document.Metadata["encoding"]);
        Assert.Equal("café", Assert.IsType<TextItem>(Assert.Single(document.Items)).Text);
    }

    [Fact]
    public async Task Structure_ListsCodeAndHiddenContent()
    {
        const string Html = """
            <body>
              <header><a href="/">Site home</a></header>
              <nav><a href="/a">Menu entry</a></nav>
              <main>
                <h1>Guide</h1>
                <p>Intro   text
                   spread over lines.</p>
                <ul><li>First <b>item</b></li><li>Second item<ul><li>Nested item</li></ul></li></ul>
                <pre><code>var x = 1;
            Console.WriteLine(x);</code></pre>
                <p hidden>Hidden paragraph</p>
                <p style="display: none">Invisible paragraph</p>
                <div role="navigation">Role navigation</div>
                <template><p>Template text</p></template>
                <script>alert('script text')</script>
                <style>p { color: red }</style>
              </main>
              <footer>Copyright footer</footer>
            </body>
            """;

        var items = (await ParseStringAsync(Html)).Items.Cast<TextItem>().ToList();

        Assert.Equal(
            [
                (TextRole.Heading, "Guide"),
                (TextRole.Paragraph, "Intro text spread over lines."),
                (TextRole.ListItem, "First item"),
                (TextRole.ListItem, "Second item"),
                (TextRole.ListItem, "Nested item"),
                (TextRole.Code, "var x = 1;\nConsole.WriteLine(x);"),
            ],
            items.Select(item => (item.Role, item.Text)));
    }

    [Fact]
    public async Task Table_ExpandsSpansAndCountsHeaderRows()
    {
        const string Html = """
            <table>
              <caption>Table 1: Results</caption>
              <thead>
                <tr><th rowspan="2">Model</th><th colspan="2">Score</th></tr>
                <tr><th>Dev</th><th>Test</th></tr>
              </thead>
              <tbody>
                <tr><td>BM25</td><td>59.1</td><td>55.0</td></tr>
                <tr><td>DPR</td><td colspan="2">78.4</td></tr>
              </tbody>
            </table>
            """;

        var table = Assert.IsType<TableItem>(Assert.Single((await ParseStringAsync(Html)).Items));

        Assert.Equal("Table 1: Results", table.Caption);
        Assert.Equal(2, table.HeaderRowCount);
        Assert.Equal(["Model", "Score", "Score"], table.Rows[0]);
        Assert.Equal(["Model", "Dev", "Test"], table.Rows[1]);
        Assert.Equal(["BM25", "59.1", "55.0"], table.Rows[2]);
        Assert.Equal(["DPR", "78.4", "78.4"], table.Rows[3]);
    }

    [Fact]
    public async Task Table_SingleCellBecomesText()
    {
        var items = (await ParseStringAsync("<table><tr><td><p>Boxed note.</p></td></tr></table>")).Items;

        Assert.Equal("Boxed note.", Assert.IsType<TextItem>(Assert.Single(items)).Text);
    }

    [Fact]
    public async Task Table_HugeSpansAreBounded()
    {
        var html = "<table>" + string.Concat(Enumerable.Repeat("<tr><td colspan=\"1000\" rowspan=\"65534\">x</td><td>y</td></tr>", 2000)) + "</table>";

        var document = await ParseStringAsync(html);

        var table = Assert.IsType<TableItem>(Assert.Single(document.Items));
        Assert.True(table.Rows.Count * table.Rows[0].Count <= 1_000_000);
        Assert.Single(document.Warnings);
    }

    [Fact]
    public async Task FigureAndAltText_BecomeImages()
    {
        const string Html = """
            <p>Before <img src="icon.png"> after.</p>
            <figure><img src="duck.jpg" alt="A mallard" width="320" height="240"><figcaption>Figure 2: A male mallard.</figcaption></figure>
            <figure><pre>code sample</pre><figcaption>Listing 1</figcaption></figure>
            """;

        var items = (await ParseStringAsync(Html)).Items;

        Assert.Equal("Before after.", Assert.IsType<TextItem>(items[0]).Text);
        var image = Assert.IsType<ImageItem>(items[1]);
        Assert.Equal("A mallard", image.AltText);
        Assert.Equal("Figure 2: A male mallard.", image.Caption);
        Assert.Equal(320, image.Width);
        Assert.Equal(240, image.Height);
        Assert.Equal(TextRole.Code, Assert.IsType<TextItem>(items[2]).Role);
        Assert.Equal((TextRole.Caption, "Listing 1"), (Assert.IsType<TextItem>(items[3]).Role, ((TextItem)items[3]).Text));
        Assert.Equal(4, items.Count);
    }

    [Fact]
    public async Task MathML_BecomesEquations()
    {
        const string Html = """
            <p>Energy <math alttext="E = mc^2"><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></math> holds.</p>
            <math display="block"><semantics><mfrac><mi>a</mi><mi>b</mi></mfrac><annotation encoding="application/x-tex">{\displaystyle \frac{a}{b}}</annotation></semantics></math>
            <math display="block"><msqrt><mi>x</mi></msqrt></math>
            """;

        var items = (await ParseStringAsync(Html)).Items;

        Assert.Equal("Energy E = mc^2 holds.", Assert.IsType<TextItem>(items[0]).Text);
        var inline = Assert.IsType<EquationItem>(items[1]);
        Assert.Equal(("E = mc^2", "text"), (inline.Text, inline.Format));
        var tex = Assert.IsType<EquationItem>(items[2]);
        Assert.Equal((@"\frac{a}{b}", "latex"), (tex.Text, tex.Format));
        var linear = Assert.IsType<EquationItem>(items[3]);
        Assert.Equal(("sqrt( x )", "text"), (linear.Text, linear.Format));
    }

    [Fact]
    public async Task EmptyBody_IsRejected()
    {
        var exception = await Assert.ThrowsAsync<DocumentParseException>(
            () => ParseStringAsync("<html><head><title>t</title><script>x()</script></head><body> <nav>menu</nav> </body></html>"));

        Assert.Equal("empty", exception.Reason);
        Assert.Equal(ErrorCategory.Validation, exception.Category);
    }

    [Fact]
    public async Task Xhtml_IsAccepted()
    {
        const string Xhtml = """<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>Naïve</p></body></html>""";

        var document = await _parser.ParseAsync(new DocumentSource("page.xhtml", Encoding.UTF8.GetBytes(Xhtml)), HtmlParser.XhtmlMediaType);

        Assert.Equal("Naïve", Assert.IsType<TextItem>(Assert.Single(document.Items)).Text);
    }

    private async Task<ParsedDocument> ParseCorpusAsync(string name)
    {
        var document = await _parser.ParseAsync(await Corpus.LoadAsync(name), MediaTypes.Html);
        _output.WriteLine($"{name}: {document.Items.Count} items " +
            string.Join(", ", document.Items.GroupBy(item => item.Kind).Select(group => $"{group.Key}={group.Count()}")));
        return document;
    }

    private Task<ParsedDocument> ParseStringAsync(string html) =>
        _parser.ParseAsync(new DocumentSource("test.html", Encoding.UTF8.GetBytes(html)), MediaTypes.Html).AsTask();

    private static string AllText(ParsedDocument document) => string.Join("\n", document.Items.Select(item => item switch
    {
        TextItem text => text.Text,
        TableItem table => string.Join("\n", table.Rows.Select(row => string.Join(" | ", row))),
        ImageItem image => $"{image.AltText} {image.Caption}",
        EquationItem equation => equation.Text,
        _ => string.Empty,
    }));
}
