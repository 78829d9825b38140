using RagAnything.Graph;

namespace RagAnything.Core.Tests.Graph;

public sealed class DelimitedRecordParserTests
{
    [Fact]
    public void Parse_WellFormedRecords_ReadsEveryField()
    {
        const string output = """
            entity<|>Marie Curie<|>person<|>Physicist who studied radioactivity.
            entity<|>University of Paris<|>organization<|>University where Curie taught.
            relation<|>Marie Curie<|>University of Paris<|>teaching, employment<|>Curie taught at the university.<|>8
            """;

        var result = DelimitedRecordParser.Parse(output);

        Assert.Equal(2, result.Entities.Count);
        Assert.Equal(new ExtractedEntity("Marie Curie", "person", "Physicist who studied radioactivity."), result.Entities[0]);
        var relation = Assert.Single(result.Relations);
        Assert.Equal("Marie Curie", relation.Source);
        Assert.Equal("University of Paris", relation.Target);
        Assert.Equal("teaching, employment", relation.Keywords);
        Assert.Equal("Curie taught at the university.", relation.Description);
        Assert.Equal(8, relation.Weight);
        Assert.Equal(0, result.DroppedRecords);
    }

    [Fact]
    public void Parse_FencesProseAndBullets_RecoversRecords()
    {
        const string output = """
            Here are the entities I found:
            ```
            - entity<|>"Nile"<|>Location<|>A river in Africa.
            2. (relation<|>Nile<|>Egypt<|>flows through<|>The Nile flows through Egypt.<|>5)
            ```
            I hope this helps.
            """;

        var result = DelimitedRecordParser.Parse(output);

        var entity = Assert.Single(result.Entities);
        Assert.Equal("Nile", entity.Name);
        Assert.Equal("location", entity.Type);
        var relation = Assert.Single(result.Relations);
        Assert.Equal(5, relation.Weight);
        Assert.Equal("Egypt", relation.Target);
        Assert.Equal(0, result.DroppedRecords);
    }

    [Fact]
    public void Parse_WrongFieldCounts_DropsUnusable()
    {
        const string output = """
            entity<|>Krakatoa
            entity<|>Indonesia<|>location<|>A country<|>in Southeast Asia.
            entity<|><|>person<|>No name.
            relation<|>Krakatoa<|>Indonesia<|>located in
            relation<|>Krakatoa
            relation<|>Krakatoa<|>krakatoa<|>self<|>Self loop.<|>3
            """;

        var result = DelimitedRecordParser.Parse(output);

        Assert.Equal(["Krakatoa", "Indonesia"], result.Entities.Select(entity => entity.Name));
        Assert.Equal("unknown", result.Entities[0].Type);
        Assert.Equal("A country in Southeast Asia.", result.Entities[1].Description);
        var relation = Assert.Single(result.Relations);
        Assert.Equal("located in", relation.Keywords);
        Assert.Equal(RelationWeights.Default, relation.Weight);
        Assert.Equal(3, result.DroppedRecords);
    }

    [Theory]
    [InlineData("high", 1.0)]
    [InlineData("-4", 1.0)]
    [InlineData("NaN", 1.0)]
    [InlineData("weight: 7", 7.0)]
    [InlineData("\"3.5\"", 3.5)]
    [InlineData("1e9", 10.0)]
    public void Parse_BadOrOddWeights_AreSanitised(string weight, double expected)
    {
        var result = DelimitedRecordParser.Parse($"relation<|>Nile<|>Egypt<|>flows<|>The Nile flows through Egypt.<|>{weight}");

        var relation = Assert.Single(result.Relations);
        Assert.Equal(expected, relation.Weight);
        Assert.Equal("The Nile flows through Egypt.", relation.Description);
    }

    [Fact]
    public void Parse_RecordWithoutSeparators_IsCountedAsDropped()
    {
        const string output = """
            entity: Nile, location, a river
            relationship: Nile -> Egypt
            Entity extraction is finished.
            unknown<|>Nile<|>Egypt
            """;

        var result = DelimitedRecordParser.Parse(output);

        Assert.Empty(result.Entities);
        Assert.Empty(result.Relations);
        Assert.Equal(3, result.DroppedRecords);
    }
}
