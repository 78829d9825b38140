using RagAnything.Content;
using RagAnything.Graph;

namespace RagAnything.Core.Tests.Graph;

public sealed class OfflineEntityExtractorTests
{
    private static readonly OfflineEntityExtractor Extractor = new(GraphTestData.Options());

    [Fact]
    public void Extract_Sentences_FindsMultiWordNamesAndAcronyms()
    {
        var result = Extractor.Extract(
            "The eruption of Mount Tambora in 1815 was studied by NASA and the Bank of England. Later the Bank of England published a report.",
            ContentKind.Text);

        var names = result.Entities.Select(entity => entity.Name).ToList();
        Assert.Contains("Mount Tambora", names);
        Assert.Contains("NASA", names);
        Assert.Contains("Bank of England", names);
        Assert.DoesNotContain("The", names);
        Assert.DoesNotContain("Later", names);
        Assert.Equal("acronym", result.Entities.Single(entity => entity.Name == "NASA").Type);
    }

    [Fact]
    public void Extract_CoOccurrence_WeighsByFrequency()
    {
        var result = Extractor.Extract(
            "Marie Curie worked with Pierre Curie in Paris. Marie Curie and Pierre Curie shared the prize. Marie Curie lived long.",
            ContentKind.Text);

        var pair = result.Relations.Single(relation => Joins(relation, "Marie Curie", "Pierre Curie"));
        Assert.Equal(2, pair.Weight);
        Assert.Contains("Marie Curie worked with Pierre Curie in Paris.", pair.Description, StringComparison.Ordinal);
        Assert.Contains("worked", pair.Keywords, StringComparison.Ordinal);
        var paris = result.Relations.Single(relation => Joins(relation, "Marie Curie", "Paris"));
        Assert.Equal(1, paris.Weight);

        var marie = result.Entities.Single(entity => entity.Name == "Marie Curie");
        Assert.Contains("lived long", marie.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_SentenceInitialWord_NeedsConfirmation()
    {
        var result = Extractor.Extract("Volcanoes form near plates. Krakatoa erupted loudly. Scientists studied Krakatoa.", ContentKind.Text);

        var names = result.Entities.Select(entity => entity.Name).ToList();
        Assert.Contains("Krakatoa", names);
        Assert.DoesNotContain("Volcanoes", names);
        Assert.DoesNotContain("Scientists", names);
    }

    [Fact]
    public void Extract_CaptionsAndCalendarWords_AreHandled()
    {
        var result = Extractor.Extract("As Figure 3 shows, the Red Cross arrived in March. See Fig. 4 and Table 2.", ContentKind.Text);

        var names = result.Entities.Select(entity => entity.Name).ToList();
        Assert.Contains("Figure 3", names);
        Assert.Contains("Figure 4", names);
        Assert.Contains("Table 2", names);
        Assert.Contains("Red Cross", names);
        Assert.DoesNotContain("March", names);
        Assert.Equal("figure", result.Entities.Single(entity => entity.Name == "Figure 3").Type);
        Assert.Equal("table", result.Entities.Single(entity => entity.Name == "Table 2").Type);
    }

    [Fact]
    public void Extract_TableChunk_UsesHeadersAndRowLabels()
    {
        const string table = """
            Table 1: Major eruptions
            Volcano | Year | Country
            Krakatoa | 1883 | Indonesia
            Mount Tambora | 1815 | Indonesia
            1990 | 5 | 6
            """;

        var result = Extractor.Extract(table, ContentKind.Table);

        var byName = result.Entities.ToDictionary(entity => entity.Name);
        Assert.Equal("table column", byName["Year"].Type);
        Assert.Equal("table column", byName["Country"].Type);
        Assert.Equal("table row", byName["Krakatoa"].Type);
        Assert.Equal("table row", byName["Mount Tambora"].Type);
        Assert.Equal("table", byName["Table 1"].Type);
        Assert.DoesNotContain("1990", byName.Keys);

        var year = result.Relations.Single(relation => Joins(relation, "Krakatoa", "Year"));
        Assert.Equal("Krakatoa: Year 1883.", year.Description);
        Assert.Contains(result.Relations, relation => Joins(relation, "Krakatoa", "Indonesia"));
        Assert.DoesNotContain(result.Relations, relation => Joins(relation, "Krakatoa", "Mount Tambora"));
        Assert.Contains("Krakatoa: Year 1883; Country Indonesia.", byName["Krakatoa"].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_LongDescriptions_AreTruncated()
    {
        var extractor = new OfflineEntityExtractor(GraphTestData.Options(o => o.OfflineDescriptionLength = 60));
        var text = string.Join(' ', Enumerable.Range(0, 20).Select(index => $"The volcano Krakatoa had event number {index}."));

        var result = extractor.Extract(text, ContentKind.Text);

        Assert.True(result.Entities.Single(entity => entity.Name == "Krakatoa").Description.Length <= 60);
    }

    [Fact]
    public void Extract_EmptyText_ReturnsNothing()
    {
        var result = Extractor.Extract("", ContentKind.Text);

        Assert.Empty(result.Entities);
        Assert.Empty(result.Relations);
    }

    private static bool Joins(ExtractedRelation relation, string first, string second)
        => (relation.Source == first && relation.Target == second) || (relation.Source == second && relation.Target == first);
}
