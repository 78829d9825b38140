using RagAnything.Content;
using RagAnything.Parsing;
using RagAnything.Storage.InMemory;
using static RagAnything.Parsers.Tests.Office.OfficeTestParsing;

namespace RagAnything.Parsers.Tests.Office;

public sealed class DocxParserTests
{
    [Fact]
    public async Task TableAndImage_ReadsAllItemKinds()
    {
        var blobs = new InMemoryBlobStore();
        var source = await Corpus.LoadAsync("docx_table_and_image.docx");

        var document = await ParseAsync(new DocxParser(blobStore: blobs), source);

        var headings = ItemsOf<TextItem>(document).Where(item => item.Role == TextRole.Heading).ToList();
        Assert.Contains(headings, heading => heading.Text == "Swimming in the lake" && heading.HeadingLevel == 1);
        Assert.Contains(headings, heading => heading.Text == "Let’s eat" && heading.HeadingLevel == 2);

        var table = Assert.Single(ItemsOf<TableItem>(document));
        Assert.Equal(["", "Food", "Calories per portion"], table.Rows[0]);
        Assert.Equal("Blueberry, Strawberry, Cranberry", table.Rows[2][1]);
        Assert.Equal(1, table.HeaderRowCount);
        Assert.Equal(["Let’s swim!", "Let’s eat"], table.HeadingPath);

        var image = Assert.Single(ItemsOf<ImageItem>(document));
        Assert.StartsWith("Figure 1", image.Caption, StringComparison.Ordinal);
        Assert.Contains("cartoon duck", image.AltText, StringComparison.Ordinal);
        Assert.Equal("image/png", image.MediaType);
        Assert.Equal($"images/{source.Sha256}/0.png", image.BlobKey);
        Assert.True(await blobs.ExistsAsync(image.BlobKey!));
        Assert.True(image.Width > 0);
        Assert.True(image.Height > 0);

        // The caption paragraph is attached to the image, not repeated as text.
        Assert.DoesNotContain(ItemsOf<TextItem>(document), item => item.Text.StartsWith("Figure 1", StringComparison.Ordinal));
        Assert.Equal(9, ItemsOf<TextItem>(document).Count(item => item.Role == TextRole.ListItem));
    }

    [Fact]
    public async Task PageBreak_AdvancesPageIndex()
    {
        var document = await ParseCorpusAsync(new DocxParser(), "docx_table_and_image.docx");

        var heading = ItemsOf<TextItem>(document).Single(item => item.Text == "Let’s eat");
        Assert.Equal(0, document.Items[0].PageIndex);
        Assert.Equal(1, heading.PageIndex);
        Assert.Equal(2, document.PageCount);
    }

    [Fact]
    public async Task NoBlobStore_KeepsImageItem()
    {
        var document = await ParseCorpusAsync(new DocxParser(), "docx_table_and_image.docx");

        var image = Assert.Single(ItemsOf<ImageItem>(document));
        Assert.Null(image.BlobKey);
        Assert.NotNull(image.Caption);
        Assert.NotNull(image.AltText);
    }

    [Fact]
    public async Task Equations_YieldsAll27AsLatex()
    {
        var document = await ParseCorpusAsync(new DocxParser(), "docx_equations_omml.docx");

        var equations = ItemsOf<EquationItem>(document);
        Assert.Equal(27, equations.Count);
        Assert.All(equations, equation => Assert.Equal("latex", equation.Format));
        Assert.Contains(equations, equation => equation.Text == "A=\\pi r^{2}");
        Assert.Contains(equations, equation => equation.Text.Contains("\\sum_{n=1}^{\\infty}", StringComparison.Ordinal));
        Assert.Contains(equations, equation => equation.Text.Contains("\\frac{n\\pi x}{L}", StringComparison.Ordinal));
        Assert.Contains(equations, equation => equation.Text.Contains("\\underbrace{", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Equations_InlineMathStaysInParagraphText()
    {
        var document = await ParseCorpusAsync(new DocxParser(), "docx_equations_omml.docx");

        var first = Assert.IsType<TextItem>(document.Items[0]);
        Assert.Equal("This is a word document and this is an inline equation: $A=\\pi r^{2}$ .", first.Text);
        var equation = Assert.IsType<EquationItem>(document.Items[1]);
        Assert.Equal("A=\\pi r^{2}", equation.Text);
    }

    [Fact]
    public async Task RichTables_ReadsTwoTablesWithKnownCell()
    {
        var document = await ParseCorpusAsync(new DocxParser(), "docx_rich_tables_spec.docx");

        var tables = ItemsOf<TableItem>(document);
        Assert.Equal(2, tables.Count);
        Assert.Equal(["Feature", "Action Needed", "Comment/Links"], tables[0].Rows[0]);
        Assert.Equal("Document Clause Ordering", tables[0].Rows[1][0]);
        Assert.Equal("Cross-Reference Normalization", tables[1].Rows[1][0]);
        Assert.All(tables, table => Assert.All(table.Rows, row => Assert.Equal(3, row.Count)));
    }

    [Fact]
    public async Task LoremDocument_ReadsImageAndChart()
    {
        var document = await ParseCorpusAsync(new DocxParser(), "docx_lorem_tables_images.docx");

        Assert.Contains(ItemsOf<TextItem>(document), item => item.Role == TextRole.Heading && item.HeadingLevel == 2);
        var image = Assert.Single(ItemsOf<ImageItem>(document));
        Assert.Equal("image/jpeg", image.MediaType);

        var tables = ItemsOf<TableItem>(document);
        var chart = Assert.Single(tables, table => table.Rows[0][0] == "Category");
        Assert.Equal(["Row 2", "2.4", "8.8", "9.65"], chart.Rows[2]);
        Assert.Contains(tables, table => table.Rows[0].Contains("Lorem ipsum"));

        // Rendered page breaks from Word's last layout spread the content over several pages.
        Assert.True(document.PageCount > 3);
        Assert.True(image.PageIndex > 0);
    }
}
