using Microsoft.Extensions.Options;
using RagAnything.Content;
using RagAnything.Parsing;
using RagAnything.Storage.InMemory;

namespace RagAnything.Parsers.Tests.Pdf;

public class PdfTableAndImageTests
{
    [Fact]
    public async Task Mtcars_TableWithHeaderAndAllCars()
    {
        var document = await ParseAsync(new PdfParser(), "pdf_mtcars_table_3p.pdf");

        var table = document.Items.OfType<TableItem>().First();
        Assert.Equal(0, table.PageIndex);
        Assert.Equal(["", "mpg", "cyl", "disp", "hp", "drat", "wt", "qsec", "vs", "am", "gear", "carb"], table.Rows[0]);
        Assert.Equal(33, table.Rows.Count);
        var mazda = Assert.Single(table.Rows, row => row[0] == "Mazda RX4");
        Assert.Equal(["21.0", "6", "160.0", "110"], mazda.Skip(1).Take(4));
        Assert.Contains(table.Rows, row => row[0] == "Ford Pantera L" && row[1] == "15.8");
    }

    [Fact]
    public async Task Mtcars_TableTextNotRepeated()
    {
        var document = await ParseAsync(new PdfParser(), "pdf_mtcars_table_3p.pdf");

        Assert.DoesNotContain(document.Items.OfType<TextItem>(), item => item.Text.Contains("Mazda", StringComparison.Ordinal));
        Assert.Contains(document.Items.OfType<TableItem>(), table => table.PageIndex == 2 && table.Rows[0].SequenceEqual(["len", "supp", "dose"]));
    }

    [Fact]
    public async Task Wikipedia_RaceCalendarCells()
    {
        var document = await ParseAsync(new PdfParser(), "pdf_wikipedia_tables_4p.pdf");

        var calendar = Assert.Single(document.Items.OfType<TableItem>(), table => table.Rows[0].SequenceEqual(["Round", "Circuit", "Date", "Winning driver", "Winning team"]));
        Assert.Contains(calendar.Rows, row => row.SequenceEqual(["2", "Karlskoga Motorstadion", "28 May", "Robert Dahlgren", "Polestar Racing"]));
    }

    [Fact]
    public async Task FaaHandbook_ImagesWithCaption()
    {
        var blobs = new InMemoryBlobStore();
        var document = await ParseAsync(new PdfParser(blobStore: blobs), "pdf_faa_handbook_page_images.pdf");

        var images = document.Items.OfType<ImageItem>().ToList();
        Assert.True(images.Count >= 5, $"Only {images.Count} images were extracted.");
        var figure = Assert.Single(images, image => image.Caption is not null && image.Caption.StartsWith("Figure 7-26", StringComparison.Ordinal));
        Assert.Equal(0, figure.PageIndex);
        Assert.True(figure.Width >= 32, $"Width {figure.Width}.");
        Assert.True(figure.Height >= 32, $"Height {figure.Height}.");
        Assert.NotNull(figure.BoundingBox);
        Assert.True(figure.BoundingBox.Value.Top < figure.BoundingBox.Value.Bottom, "The box is not in top-left coordinates.");
        Assert.Matches("^images/[0-9a-f]{64}\\.(png|jpg)$", figure.BlobKey);
        Assert.True(await blobs.ExistsAsync(figure.BlobKey!), "The image bytes were not stored.");
        Assert.DoesNotContain(document.Items.OfType<TextItem>(), item => item.Text.StartsWith("Figure 7-26", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FaaHandbook_ImageCapApplied()
    {
        var parser = new PdfParser(Options.Create(new PdfParserOptions { MaxImagesPerDocument = 2 }));

        var document = await ParseAsync(parser, "pdf_faa_handbook_page_images.pdf");

        Assert.Equal(2, document.Items.OfType<ImageItem>().Count());
        Assert.All(document.Items.OfType<ImageItem>(), image => Assert.Null(image.BlobKey));
        Assert.Contains(document.Warnings, warning => warning.Contains("MaxImagesPerDocument", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WikipediaFlags_IconsSkipped()
    {
        // The flag icons of this file are 23x14 pixels, under the default minimum of 32.
        var document = await ParseAsync(new PdfParser(), "pdf_wikipedia_tables_4p.pdf");

        Assert.DoesNotContain(document.Items.OfType<ImageItem>(), image => image.Width < 32 || image.Height < 32);
    }

    [Fact]
    public void TableMerger_ContinuedTableJoined()
    {
        var header = new[] { "a", "b" };
        var first = new PdfPageContent(0, [new TextItem("Intro paragraph that is long enough to be content"), new TableItem([header, ["1", "2"]]), new TextItem("1")], [], true);
        var second = new PdfPageContent(1, [new TableItem([header, ["3", "4"]]), new TextItem("After the table, prose continues here.")], [], true);
        var pages = new List<PdfPageContent> { first, second };

        PdfTableMerger.Merge(pages);

        var tables = pages.SelectMany(page => page.Items).OfType<TableItem>().ToList();
        var merged = Assert.Single(tables);
        Assert.Equal(3, merged.Rows.Count);
        Assert.Equal(["3", "4"], merged.Rows[2]);
        Assert.Equal(0, merged.PageIndex);
    }

    [Fact]
    public void TableMerger_DifferentColumnCountsKeptApart()
    {
        var first = new PdfPageContent(0, [new TableItem([["a", "b"], ["1", "2"]])], [], true);
        var second = new PdfPageContent(1, [new TableItem([["x", "y", "z"], ["1", "2", "3"]])], [], true);
        var pages = new List<PdfPageContent> { first, second };

        PdfTableMerger.Merge(pages);

        Assert.Equal(2, pages.SelectMany(page => page.Items).OfType<TableItem>().Count());
    }

    private static async Task<ParsedDocument> ParseAsync(PdfParser parser, string name) =>
        await parser.ParseAsync(await Corpus.LoadAsync(name), MediaTypes.Pdf).AsTask().WaitAsync(Corpus.ParseTimeout);
}
