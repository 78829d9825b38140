using System.Text;
using RagAnything.Content;
using RagAnything.Errors;
using RagAnything.Parsing;

namespace RagAnything.Parsers.Tests;

public class MarkdownParserTests
{
    private readonly MarkdownParser _parser = new();

    [Fact]
    public async Task Parse_Readme_HeadingsAndPaths()
    {
        var document = await ParseCorpusAsync("md_readme_tables_code.md");
        var headings = document.Items.OfType<TextItem>().Where(item => item.Role == TextRole.Heading).ToList();

        Assert.Equal("Kernel Memory", headings[0].Text);
        Assert.Equal(1, headings[0].HeadingLevel);
        Assert.Equal("Kernel Memory", document.Metadata["title"]);

        var aspire = Assert.Single(headings, heading => heading.Text == "Running Kernel Memory with Aspire");
        Assert.Equal(2, aspire.HeadingLevel);
        Assert.Equal(["Kernel Memory Service on Azure"], aspire.HeadingPath);

        var paragraphUnderAspire = document.Items[document.Items.ToList().IndexOf(aspire) + 1];
        Assert.Equal(["Kernel Memory Service on Azure", "Running Kernel Memory with Aspire"], paragraphUnderAspire.HeadingPath);
    }

    [Fact]
    public async Task Parse_Readme_PipeTableCells()
    {
        var document = await ParseCorpusAsync("md_readme_tables_code.md");

        var table = document.Items.OfType<TableItem>().First(item => item.Rows[0].Contains("Kernel Memory"));

        Assert.Equal(1, table.HeaderRowCount);
        Assert.Equal(["Feature", "Kernel Memory", "Semantic Kernel"], table.Rows[0]);
        Assert.Equal(["Runtime", "Memory as a Service, Web service", "SDK packages"], table.Rows[1]);
        Assert.Equal(".NET, Python, Java", table.Rows[3][2]);
        Assert.All(table.Rows, row => Assert.Equal(3, row.Count));
    }

    [Fact]
    public async Task Parse_Readme_LinksWithoutUrlsAndCodeBlocks()
    {
        var document = await ParseCorpusAsync("md_readme_tables_code.md");
        var texts = document.Items.OfType<TextItem>().ToList();

        var azure = Assert.Single(texts, item => item.Text.StartsWith("Kernel Memory can be deployed in various configurations", StringComparison.Ordinal));
        Assert.Contains("Azure deployment guide", azure.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("](", azure.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("http", azure.Text, StringComparison.Ordinal);

        var code = Assert.Single(texts, item => item.Role == TextRole.Code && item.Text.StartsWith("var builder = DistributedApplication", StringComparison.Ordinal));
        Assert.Contains("\n", code.Text, StringComparison.Ordinal);
        Assert.Contains(texts, item => item.Role == TextRole.ListItem && item.Text == "Extract embeddings using any LLM embedding generator");
    }

    [Fact]
    public async Task Parse_EvalTatqa_TablesWithCells()
    {
        foreach (var path in Directory.EnumerateFiles(Corpus.EvalDirectory("tatqa"), "*.md"))
        {
            var document = await _parser.ParseAsync(await DocumentSource.FromFileAsync(path), MediaTypes.Markdown);

            var table = document.Items.OfType<TableItem>().FirstOrDefault();
            Assert.True(table is not null, $"{Path.GetFileName(path)} yielded no table.");
            Assert.True(table.Rows.Count >= 2, $"{Path.GetFileName(path)} yielded a table of {table.Rows.Count} rows.");
            Assert.All(table.Rows, row => Assert.Equal(table.Rows[0].Count, row.Count));
        }
    }

    [Fact]
    public async Task Parse_EvalTatqaDocument_KnownCell()
    {
        var path = Path.Combine(Corpus.EvalDirectory("tatqa"), "0027cf6e.md");

        var document = await _parser.ParseAsync(await DocumentSource.FromFileAsync(path), MediaTypes.Markdown);

        var table = document.Items.OfType<TableItem>().First();
        Assert.Equal(["", "Estimated at June 30, 2019", "Adjustments", "Final as of December 31, 2019"], table.Rows[0]);
        Assert.Equal(["Cash", "$3,795", "$ -", "$3,795"], table.Rows[1]);
    }

    [Fact]
    public async Task Parse_EvalSquad_HeadingsFirst()
    {
        var path = Path.Combine(Corpus.EvalDirectory("squad"), "Normans.md");

        var document = await _parser.ParseAsync(await DocumentSource.FromFileAsync(path), MediaTypes.Markdown);

        var title = Assert.IsType<TextItem>(document.Items[0]);
        Assert.Equal(TextRole.Heading, title.Role);
        Assert.Equal("Normans", title.Text);
        Assert.All(document.Items.Skip(1), item => Assert.Equal("Normans", item.HeadingPath[0]));
    }

    [Fact]
    public async Task Parse_MathBlocks_BecomeEquations()
    {
        const string markdown = "# Physics\n\nEnergy:\n\n$$\nE = mc^2\n$$\n\n```math\na_1 * b_2\n```\n\nCosts $5 and $10.\n";

        var document = await ParseTextAsync(markdown);
        var equations = document.Items.OfType<EquationItem>().ToList();

        Assert.Equal(2, equations.Count);
        Assert.Equal("E = mc^2", equations[0].Text);
        Assert.Equal("latex", equations[0].Format);
        Assert.Equal(["Physics"], equations[0].HeadingPath);
        Assert.Equal("a_1 * b_2", equations[1].Text);
        Assert.Contains(document.Items.OfType<TextItem>(), item => item.Text == "Costs $5 and $10.");
    }

    [Fact]
    public async Task Parse_HtmlCommentsAndImages_Dropped()
    {
        const string markdown = "<!-- hidden note -->\n\nSee ![logo](logo.png) the **bold** [docs](https://example.com) <!-- inline --> page.\n";

        var document = await ParseTextAsync(markdown);

        var paragraph = Assert.IsType<TextItem>(Assert.Single(document.Items));
        Assert.Equal("See the bold docs page.", paragraph.Text);
    }

    [Fact]
    public async Task Parse_NestedHeadings_PathPopsOnSameLevel()
    {
        const string markdown = "# A\n\n## B\n\ntext b\n\n## C\n\ntext c\n\n# D\n\ntext d\n";

        var document = await ParseTextAsync(markdown);
        var texts = document.Items.OfType<TextItem>().Where(item => item.Role == TextRole.Paragraph).ToList();

        Assert.Equal(["A", "B"], texts[0].HeadingPath);
        Assert.Equal(["A", "C"], texts[1].HeadingPath);
        Assert.Equal(["D"], texts[2].HeadingPath);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\n ")]
    [InlineData("<!-- only a comment -->")]
    public async Task Parse_EmptyMarkdown_ThrowsEmpty(string markdown)
    {
        var error = await Assert.ThrowsAsync<DocumentParseException>(() => ParseTextAsync(markdown));

        Assert.Equal("empty", error.Reason);
        Assert.Equal(ErrorCategory.Validation, error.Category);
    }

    [Fact]
    public async Task Parse_DeepNesting_ThrowsCorrupt()
    {
        var markdown = new string('>', 10_000) + " deep";

        var error = await Assert.ThrowsAsync<DocumentParseException>(() => ParseTextAsync(markdown).WaitAsync(Corpus.ParseTimeout));

        Assert.Equal("corrupt", error.Reason);
        Assert.Equal(ErrorCategory.Permanent, error.Category);
    }

    private async Task<ParsedDocument> ParseCorpusAsync(string name) =>
        await _parser.ParseAsync(await Corpus.LoadAsync(name), MediaTypes.Markdown);

    private Task<ParsedDocument> ParseTextAsync(string markdown) =>
        _parser.ParseAsync(new DocumentSource("test.md", Encoding.UTF8.GetBytes(markdown)), MediaTypes.Markdown).AsTask();
}
