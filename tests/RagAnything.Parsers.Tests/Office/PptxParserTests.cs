using RagAnything.Content;
using RagAnything.Parsing;
using RagAnything.Storage.InMemory;
using static RagAnything.Parsers.Tests.Office.OfficeTestParsing;

namespace RagAnything.Parsers.Tests.Office;

public sealed class PptxParserTests
{
    [Fact]
    public async Task TableFootnote_ReadsTitlesTableAndPages()
    {
        var document = await ParseCorpusAsync(new PptxParser(), "pptx_table_footnote.pptx");

        Assert.Equal(3, document.PageCount);
        Assert.Equal([0, 1, 2], document.Items.Select(item => item.PageIndex).Distinct());

        var titles = ItemsOf<TextItem>(document).Where(item => item.Role == TextRole.Heading).ToList();
        Assert.Equal(["Test Table Slide", "Second slide title"], titles.Select(title => title.Text));
        Assert.All(titles, title => Assert.Equal(1, title.HeadingLevel));

        var table = Assert.Single(ItemsOf<TableItem>(document));
        Assert.Equal(0, table.PageIndex);
        Assert.Equal(["Test Table Slide"], table.HeadingPath);
        Assert.All(table.Rows, row => Assert.Equal(table.Rows[0].Count, row.Count));

        // "Class1" spans three columns and "A merged with B" two.
        Assert.Equal(["Class1", "Class1", "Class1"], table.Rows[0].Skip(1).Take(3));
        Assert.Equal(["A merged with B", "A merged with B"], table.Rows[1].Skip(1).Take(2));
    }

    [Fact]
    public async Task TableFootnote_ReadsBulletsAndSpeakerNotes()
    {
        var document = await ParseCorpusAsync(new PptxParser(), "pptx_table_footnote.pptx");

        var texts = ItemsOf<TextItem>(document);
        var bullet = texts.Single(item => item.Text == "With foo");
        Assert.Equal(TextRole.ListItem, bullet.Role);
        Assert.Equal(["Second slide title"], bullet.HeadingPath);

        var notes = texts.Where(item => item.Role == TextRole.Footnote).ToList();
        Assert.Equal(2, notes.Count);
        Assert.Equal("Some notes on the second slide.", notes[0].Text);
        Assert.Equal(1, notes[0].PageIndex);
        Assert.Equal(2, notes[1].PageIndex);
    }

    [Fact]
    public async Task SlidesWithImages_ReadsEveryPlacedPicture()
    {
        var blobs = new InMemoryBlobStore();
        var source = await Corpus.LoadAsync("pptx_slides_with_images.pptx");

        var document = await ParseAsync(new PptxParser(blobStore: blobs), source);

        // The package contains 9 media files, but the slides place 8 pictures (one picture twice) and the rest belong to
        // layouts and the master.
        Assert.Equal(3, document.PageCount);
        var images = ItemsOf<ImageItem>(document);
        Assert.Equal(8, images.Count);
        Assert.Equal([2, 3, 3], images.GroupBy(image => image.PageIndex).Select(group => group.Count()));
        Assert.Contains(images, image => image.AltText == "Colourful paper stripes" && image.MediaType == "image/jpeg");
        Assert.All(images, image => Assert.StartsWith($"images/{source.Sha256}/", image.BlobKey, StringComparison.Ordinal));

        // A picture placed twice is stored once.
        Assert.Equal(7, images.Select(image => image.BlobKey).Distinct().Count());
        foreach (var image in images)
        {
            Assert.True(await blobs.ExistsAsync(image.BlobKey!));
        }
    }

    [Fact]
    public async Task Charts_BecomeTablesOfSeriesValues()
    {
        var document = await ParseCorpusAsync(new PptxParser(), "pptx_charts.pptx");

        var tables = ItemsOf<TableItem>(document);
        Assert.Equal(2, tables.Count);

        var survey = tables[0];
        Assert.Equal("Wild Duck Observations by Year", survey.Caption);
        Assert.Equal(["Category", "Freshwater Ducks", "Saltwater Ducks"], survey.Rows[0]);
        Assert.Equal(["2019", "120", "80"], survey.Rows[1]);
        Assert.Equal(["Quarterly Duck Survey"], survey.HeadingPath);

        var revenue = tables[1];
        Assert.Equal(1, revenue.PageIndex);
        Assert.Equal(["Q1", "10"], revenue.Rows[1]);
    }
}
