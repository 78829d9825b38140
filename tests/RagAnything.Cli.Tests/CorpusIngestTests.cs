using System.Text.Json;

namespace RagAnything.Cli.Tests;

public sealed class CorpusIngestTests(CorpusStoreFixture fixture) : IClassFixture<CorpusStoreFixture>
{
    [Fact]
    public void Ingest_Corpus_EndsWithSomeFailuresExitCode()
    {
        Assert.True(fixture.Ingest.ExitCode == 1, $"exit code {fixture.Ingest.ExitCode}\n{fixture.Ingest.Output}\n{fixture.Ingest.Error}");
        Assert.Contains("Summary:", fixture.Ingest.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_AfterCorpus_ProcessesAllButEncryptedPdf()
    {
        var status = await ReadStatusAsync();
        var failedNames = status.Failed.Select(failure => failure.Name).ToHashSet(StringComparer.Ordinal);
        var expectedProcessed = Directory.GetFiles(RepositoryPaths.Corpus)
            .Select(Path.GetFileName)
            .Where(name => name is not "pdf_encrypted_password_1234.pdf")
            .ToList();

        Assert.All(expectedProcessed, name => Assert.DoesNotContain(name!, failedNames));
        Assert.True(status.Counts["processed"] >= expectedProcessed.Count, $"{status.Counts["processed"]} processed, expected at least {expectedProcessed.Count}");
    }

    [Fact]
    public async Task Status_EncryptedPdf_FailsWithPasswordReason()
    {
        var status = await ReadStatusAsync();

        var failure = Assert.Single(status.Failed, failure => failure.Name == "pdf_encrypted_password_1234.pdf");

        Assert.Equal("permanent", failure.Category);
        Assert.Contains("password", failure.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Query_ScannedBrochure_IsFoundThroughOcr()
    {
        var run = await RagProcess.RunAsync("query", "--store", fixture.StoreDirectory, "--json", "--top-k", "5", "numérisez vos cartes de visite");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var documents = json.RootElement.GetProperty("citations").EnumerateArray().Select(citation => citation.GetProperty("document").GetString());
        Assert.Contains("pdf_scanned_french_brochure_2p.pdf", documents);
    }

    [Theory]
    [InlineData("docx_table_and_image.docx")]
    [InlineData("docx_equations_omml.docx")]
    [InlineData("xlsx_four_sheets_charts_image.xlsx")]
    [InlineData("xlsx_financial_segments_5sheets.xlsx")]
    [InlineData("pptx_charts.pptx")]
    [InlineData("pptx_table_footnote.pptx")]
    [InlineData("html_wikipedia_duck.html")]
    [InlineData("html_sec_10k_tables.html")]
    [InlineData("csv_customers.csv")]
    [InlineData("img_table_multirow.png")]
    [InlineData("img_poster_ocr.jpg")]
    public async Task Status_RichFormat_IsNotFailed(string name)
    {
        var status = await ReadStatusAsync();

        Assert.DoesNotContain(status.Failed, failure => failure.Name == name);
    }

    [Fact]
    public async Task Query_Json_ReturnsAnswerAndCitations()
    {
        var run = await RagProcess.RunAsync("query", "--store", fixture.StoreDirectory, "--json", "--top-k", "3", "Which football club is nicknamed the Canaries?");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("answer").GetString()));
        Assert.Equal("naive", root.GetProperty("mode").GetString());
        var citations = root.GetProperty("citations").EnumerateArray().ToList();
        Assert.Equal(3, citations.Count);
        Assert.Equal("txt_wikipedia_norwich_city.txt", citations[0].GetProperty("document").GetString());
        Assert.True(citations[0].GetProperty("page").GetInt32() >= 1);
        Assert.False(string.IsNullOrEmpty(citations[0].GetProperty("chunkId").GetString()));
        Assert.True(citations[0].GetProperty("score").GetDouble() > 0);
        Assert.Contains(citations, citation => citation.GetProperty("text").GetString()!.Contains("Canaries", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ingest_SameCorpusAgain_ReportsAlreadyPresent()
    {
        var run = await RagProcess.RunAsync("ingest", "--store", fixture.StoreDirectory, Path.Combine(RepositoryPaths.Corpus, "md_wikipedia_ibm.md"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("already present", run.Output, StringComparison.Ordinal);
        Assert.Contains("0 processed, 1 already present, 0 failed", run.Output, StringComparison.Ordinal);
    }

    private async Task<StatusSnapshot> ReadStatusAsync()
    {
        var run = await RagProcess.RunAsync("status", "--store", fixture.StoreDirectory, "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        return StatusSnapshot.Parse(run.Output);
    }
}
