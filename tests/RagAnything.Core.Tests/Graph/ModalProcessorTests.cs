using Microsoft.Extensions.AI;
using RagAnything.Content;
using RagAnything.Graph;
using RagAnything.Query;

namespace RagAnything.Core.Tests.Graph;

public sealed class ModalProcessorTests
{
    private static readonly byte[] PngBytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    private static TableItem EruptionTable(int page) => new([["Volcano", "Year", "Country"], ["Krakatoa", "1883", "Indonesia"], ["Mount Tambora", "1815", "Indonesia"]])
    {
        Caption = "Table 2: Major eruptions",
        PageIndex = page,
    };

    [Fact]
    public async Task Table_Offline_LinksRowsAndChunk()
    {
        await using var harness = GraphHarness.Create();
        await harness.IngestAsync("eruptions.json", [new TextItem("Large eruptions change the climate for years.") { PageIndex = 0 }, EruptionTable(0)]);

        var table = await harness.Graph.GetNodeAsync(EntityNames.ToKey("Table 2 (eruptions.json)"));

        Assert.NotNull(table);
        Assert.Equal("Table 2 (eruptions.json)", table.Name);
        Assert.Equal("table", table.Type);
        Assert.Contains("Krakatoa: Year 1883; Country Indonesia.", table.Description, StringComparison.Ordinal);
        var tableChunk = Assert.Single(table.SourceChunkIds);
        var chunks = await harness.Rag.RetrieveAsync(new QueryRequest { Query = "Krakatoa 1883 Indonesia", TopK = 5 });
        Assert.Contains(chunks, citation => citation.ChunkId == tableChunk && citation.Text.Contains("Krakatoa | 1883", StringComparison.Ordinal));

        var belongs = await harness.Graph.GetEdgeAsync("krakatoa", table.Key);
        Assert.NotNull(belongs);
        Assert.Contains("belongs_to", belongs.Keywords, StringComparison.Ordinal);
        Assert.NotNull(await harness.Graph.GetEdgeAsync("mount tambora", table.Key));
    }

    [Fact]
    public async Task Equation_Offline_UsesSourceTextAndPageName()
    {
        await using var harness = GraphHarness.Create();
        await harness.IngestAsync("physics.json", [new TextItem("Einstein related mass and energy.") { PageIndex = 1 }, new EquationItem("E = mc^2") { PageIndex = 1 }]);

        var equation = await harness.Graph.GetNodeAsync(EntityNames.ToKey("Equation on page 2 (physics.json)"));

        Assert.NotNull(equation);
        Assert.Equal("equation", equation.Type);
        Assert.Equal("Equation (latex): E = mc^2", equation.Description);
    }

    [Fact]
    public async Task Image_WithChat_SendsBytes()
    {
        var chat = new ScriptedChatClient(messages =>
        {
            var system = messages[0].Text;
            if (system.Contains("You describe one part of a document", StringComparison.Ordinal))
            {
                return "A map of the ash cloud of Krakatoa spreading over Sumatra.";
            }

            return messages[^1].Text.Contains("Sumatra", StringComparison.Ordinal)
                ? "entity<|>Krakatoa<|>location<|>A volcano.\nentity<|>Sumatra<|>location<|>An island."
                : "";
        });
        await using var harness = GraphHarness.Create(chat);
        using (var stream = new MemoryStream(PngBytes))
        {
            await harness.Blobs.WriteAsync("images/map.png", stream);
        }

        await harness.IngestAsync(
            "ash.json",
            [
                new TextItem("The ash of the eruption darkened the sky.") { PageIndex = 0 },
                new TextItem("Ships far away reported falling ash.") { PageIndex = 4 },
                new ImageItem { BlobKey = "images/map.png", MediaType = "image/png", Caption = "Figure 1: Ash cloud", PageIndex = 0 },
            ]);

        var describe = Assert.Single(chat.Requests, request => request[0].Text.Contains("You describe one part of a document", StringComparison.Ordinal));
        var image = Assert.Single(describe[^1].Contents.OfType<DataContent>());
        Assert.Equal("image/png", image.MediaType);
        Assert.Equal(PngBytes, image.Data.ToArray());
        Assert.Contains("The ash of the eruption darkened the sky.", describe[^1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ships far away", describe[^1].Text, StringComparison.Ordinal);
        Assert.Contains("Figure 1: Ash cloud", describe[^1].Text, StringComparison.Ordinal);

        var figure = await harness.Graph.GetNodeAsync(EntityNames.ToKey("Figure 1 (ash.json)"));
        Assert.NotNull(figure);
        Assert.Equal("image", figure.Type);
        Assert.Equal("A map of the ash cloud of Krakatoa spreading over Sumatra.", figure.Description);
        var belongs = await harness.Graph.GetEdgeAsync("sumatra", figure.Key);
        Assert.NotNull(belongs);
        Assert.Equal("belongs_to", belongs.Keywords);
    }

    [Fact]
    public async Task Image_WithoutChat_DescribedByCaptionAndOcr()
    {
        await using var harness = GraphHarness.Create();
        await harness.IngestAsync(
            "ash.json",
            [new ImageItem { Caption = "Figure 4. Ash over Sumatra", OcrText = "Jakarta 120 km", PageIndex = 2 }]);

        var figure = await harness.Graph.GetNodeAsync(EntityNames.ToKey("Figure 4 (ash.json)"));

        Assert.NotNull(figure);
        Assert.Equal("Figure 4. Ash over Sumatra\nText in the image: Jakarta 120 km", figure.Description);
        Assert.NotNull(await harness.Graph.GetEdgeAsync("sumatra", figure.Key));
    }
}
