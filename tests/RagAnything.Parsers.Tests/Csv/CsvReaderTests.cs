using RagAnything.Parsing;

namespace RagAnything.Parsers.Tests.Csv;

public class CsvReaderTests
{
    [Theory]
    [InlineData("a,b,c", new[] { "a", "b", "c" })]
    [InlineData("\"a,b\",c", new[] { "a,b", "c" })]
    [InlineData("\"say \"\"hi\"\"\",x", new[] { "say \"hi\"", "x" })]
    [InlineData("ab\"c,d", new[] { "ab\"c", "d" })]
    [InlineData("\"ab\"c,d", new[] { "ab\"c", "d" })]
    [InlineData(",,", new[] { "", "", "" })]
    [InlineData("\"\",x", new[] { "", "x" })]
    public void Record_Fields(string line, string[] expected)
    {
        var reader = new CsvReader(new StringReader(line), ',');
        var fields = new List<string>();

        Assert.True(reader.TryReadRecord(fields));
        Assert.Equal(expected, fields);
        Assert.False(reader.TryReadRecord(fields));
    }

    [Fact]
    public void LineEnds_CrLfCrAndLf()
    {
        var reader = new CsvReader(new StringReader("a\r\nb\rc\n\nd"), ',');
        var fields = new List<string>();
        var records = new List<string>();

        while (reader.TryReadRecord(fields))
        {
            records.Add(fields[0]);
        }

        Assert.Equal(["a", "b", "c", "d"], records);
        Assert.Equal(5, reader.LineNumber);
    }

    [Fact]
    public void DelimiterDetection_PrefersConsistentCounts()
    {
        // Commas appear inside the text, but only semicolons split every line into the same number of fields.
        const string Sample = "name;comment\nAda;likes tea, cake\nAlan;no, thanks, really\nGrace;ok\n";

        Assert.Equal(';', CsvDelimiterDetector.Detect(Sample, sampleIsComplete: true, preferred: ','));
    }
}
