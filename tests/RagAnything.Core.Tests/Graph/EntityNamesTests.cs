using RagAnything.Graph;

namespace RagAnything.Core.Tests.Graph;

public sealed class EntityNamesTests
{
    [Theory]
    [InlineData("Müller-Lyon", "muller lyon")]
    [InlineData("  MULLER   lyon ", "muller lyon")]
    [InlineData("U.S.A.", "usa")]
    [InlineData("O'Neil", "oneil")]
    [InlineData("Crème Brûlée", "creme brulee")]
    [InlineData("a|b", "a b")]
    [InlineData("...", "")]
    public void ToKey_FoldsVariants(string name, string key)
    {
        Assert.Equal(key, EntityNames.ToKey(name));
    }

    [Fact]
    public void Clean_RemovesQuotesAndCollapsesSpaces()
    {
        Assert.Equal("Marie Curie", EntityNames.Clean("  \"Marie   Curie\" "));
    }

    [Theory]
    [InlineData("(Nile)", "Nile")]
    [InlineData("[Nile", "Nile")]
    [InlineData("Nile)", "Nile")]
    [InlineData("Table 2 (report.pdf)", "Table 2 (report.pdf)")]
    public void Clean_KeepsBalancedInnerBrackets(string name, string expected)
    {
        Assert.Equal(expected, EntityNames.Clean(name));
    }
}
