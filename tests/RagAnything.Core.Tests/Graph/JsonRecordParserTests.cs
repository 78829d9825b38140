using RagAnything.Graph;

namespace RagAnything.Core.Tests.Graph;

public sealed class JsonRecordParserTests
{
    [Fact]
    public void Parse_WellFormedObject_ReadsEntitiesAndRelations()
    {
        const string output = """
            {"entities": [{"name": "Nile", "type": "location", "description": "A river."},
                          {"name": "Egypt", "type": "location", "description": "A country."}],
             "relations": [{"source": "Nile", "target": "Egypt", "keywords": "flows through", "description": "The Nile flows through Egypt.", "weight": 6}]}
            """;

        var result = JsonRecordParser.Parse(output);

        Assert.Equal(["Nile", "Egypt"], result.Entities.Select(entity => entity.Name));
        var relation = Assert.Single(result.Relations);
        Assert.Equal(6, relation.Weight);
        Assert.Equal("flows through", relation.Keywords);
        Assert.Equal(0, result.DroppedRecords);
    }

    [Fact]
    public void Parse_FencedWithTrailingCommasAndStrings_Recovers()
    {
        const string output = """
            Sure! Here is the JSON:
            ```json
            {
              "Entities": [{"Name": "Krakatoa", "Type": "Location", "Description": "A volcano.",},],
              "relationships": [{"source": "Krakatoa", "target": "Indonesia", "keywords": ["volcano", "located in"], "description": "Krakatoa lies in Indonesia.", "weight": "4",},],
            }
            ```
            """;

        var result = JsonRecordParser.Parse(output);

        var entity = Assert.Single(result.Entities);
        Assert.Equal("location", entity.Type);
        var relation = Assert.Single(result.Relations);
        Assert.Equal("volcano, located in", relation.Keywords);
        Assert.Equal(4, relation.Weight);
        Assert.Equal(0, result.DroppedRecords);
    }

    [Fact]
    public void Parse_IncompleteRecords_AreDroppedAndCounted()
    {
        const string output = """
            {"entities": [{"name": ""}, {"type": "person"}, {"name": "Ada Lovelace"}, 42],
             "relations": [{"source": "Ada Lovelace", "target": "ada lovelace"}, {"source": "Ada Lovelace", "target": "Analytical Engine", "weight": "strong"}]}
            """;

        var result = JsonRecordParser.Parse(output);

        var entity = Assert.Single(result.Entities);
        Assert.Equal("unknown", entity.Type);
        var relation = Assert.Single(result.Relations);
        Assert.Equal(RelationWeights.Default, relation.Weight);
        Assert.Equal(4, result.DroppedRecords);
    }

    [Fact]
    public void Parse_RootArray_SplitsByShape()
    {
        const string output = """[{"name": "Nile"}, {"source": "Nile", "target": "Egypt", "description": "flows"}]""";

        var result = JsonRecordParser.Parse(output);

        Assert.Single(result.Entities);
        Assert.Single(result.Relations);
    }

    [Fact]
    public void Parse_DelimitedOutput_FallsBack()
    {
        var result = JsonRecordParser.Parse("entity<|>Nile<|>location<|>A river.");

        Assert.Equal("Nile", Assert.Single(result.Entities).Name);
        Assert.Equal(0, result.DroppedRecords);
    }

    [Fact]
    public void Parse_BrokenJson_CountsOneDroppedAnswer()
    {
        var result = JsonRecordParser.Parse("{\"entities\": [{\"name\": \"Nile\"");

        Assert.Empty(result.Entities);
        Assert.Equal(1, result.DroppedRecords);
    }
}
