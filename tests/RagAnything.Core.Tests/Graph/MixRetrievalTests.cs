using RagAnything.Content;
using RagAnything.Query;

namespace RagAnything.Core.Tests.Graph;

public sealed class MixRetrievalTests
{
    // Each question comes with a phrase that only the chunk holding its answer contains. The last two of those
    // chunks name no entity, so only the chunk channels can find them, and a mix that leaned on the graph alone would miss them.
    private static readonly (string Question, string AnswerPhrase)[] Questions =
    [
        ("Which volcano erupted in 1883?", "Krakatoa erupted in 1883"),
        ("What cooled the climate of Europe in 1816?", "cooled the climate of Europe"),
        ("Which river flows into the Mediterranean Sea?", "into the Mediterranean Sea"),
        ("Which river carries the most water?", "carries more water"),
        ("Who painted the Mona Lisa?", "painted the Mona Lisa"),
        ("Where is the Louvre museum?", "The Louvre is in Paris"),
        ("What did Leonardo da Vinci design besides paintings?", "designed flying machines"),
        ("How do volcanoes form from magma?", "magma reaches the surface"),
        ("How are river deltas built from sediment?", "building deltas"),
    ];

    private static TextItem Heading(string text, int page) => new(text) { Role = TextRole.Heading, HeadingLevel = 1, PageIndex = page };

    private static async Task IngestCorpusAsync(GraphHarness harness)
    {
        await harness.IngestAsync(
            "volcanoes.json",
            [
                Heading("Krakatoa", 0),
                new TextItem("Krakatoa erupted in 1883 in Indonesia, and the explosion was heard on Rodrigues Island.") { PageIndex = 0 },
                Heading("Tambora", 1),
                new TextItem("Mount Tambora erupted in 1815; its ash cooled the climate of Europe, and 1816 became the year without a summer.") { PageIndex = 1 },
                Heading("Formation", 3),
                new TextItem("volcanoes form where magma reaches the surface through cracks in the crust.") { PageIndex = 3 },
                Heading("Vesuvius", 2),
                new TextItem("Mount Vesuvius buried Pompeii in 79 AD under metres of ash.") { PageIndex = 2 },
            ]);
        await harness.IngestAsync(
            "rivers.json",
            [
                Heading("Nile", 0),
                new TextItem("The Nile flows north through Egypt and Sudan into the Mediterranean Sea.") { PageIndex = 0 },
                Heading("Amazon", 1),
                new TextItem("The Amazon carries more water than any other river and drains much of Brazil.") { PageIndex = 1 },
                Heading("Deltas", 2),
                new TextItem("rivers slow down near the sea and drop their sediment, building deltas over centuries.") { PageIndex = 2 },
            ]);
        await harness.IngestAsync(
            "art.json",
            [
                Heading("Leonardo", 0),
                new TextItem("Leonardo da Vinci painted the Mona Lisa in Florence in the early sixteenth century.") { PageIndex = 0 },
                Heading("Louvre", 1),
                new TextItem("The Louvre is in Paris and has shown the Mona Lisa since the French Revolution.") { PageIndex = 1 },
                Heading("Inventions", 2),
                new TextItem("Leonardo da Vinci also designed flying machines, bridges and weapons in his notebooks.") { PageIndex = 2 },
            ]);
    }

    private static async Task<double> ReciprocalRankAsync(IRagAnything rag, QueryMode mode, string question, string answerPhrase)
    {
        var citations = await rag.RetrieveAsync(new QueryRequest { Query = question, Mode = mode, TopK = 3 });
        for (var rank = 0; rank < citations.Count; rank++)
        {
            if (citations[rank].Text.Contains(answerPhrase, StringComparison.Ordinal))
            {
                return 1.0 / (rank + 1);
            }
        }

        return 0;
    }

    [Fact]
    public async Task Mix_ScoresAtLeastAsWellAsNaive()
    {
        await using var harness = GraphHarness.Create();
        await IngestCorpusAsync(harness);

        double naive = 0;
        double mix = 0;
        var mixMisses = new List<string>();
        foreach (var (question, phrase) in Questions)
        {
            naive += await ReciprocalRankAsync(harness.Rag, QueryMode.Naive, question, phrase);
            var mixRank = await ReciprocalRankAsync(harness.Rag, QueryMode.Mix, question, phrase);
            mix += mixRank;
            if (mixRank == 0)
            {
                mixMisses.Add(question);
            }
        }

        Assert.True(mix >= naive, $"Mean reciprocal rank: mix {mix / Questions.Length:F3}, naive {naive / Questions.Length:F3}.");
        Assert.Empty(mixMisses);
    }

    [Fact]
    public async Task Mix_MisleadingKeywords_KeepTopChunk()
    {
        await using var harness = GraphHarness.Create();
        await IngestCorpusAsync(harness);
        var request = new QueryRequest { Query = "Which volcano erupted in 1883?", TopK = 1 };

        // The keywords lead the graph to the Louvre, which the chunk channels do not rank near the question.
        var naive = await harness.Rag.RetrieveAsync(request);
        var mix = await harness.Rag.RetrieveContextAsync(request with { Mode = QueryMode.Mix, LowLevelKeywords = ["Louvre"], HighLevelKeywords = ["museum"] });

        Assert.Contains(mix.Entities, entity => entity.Name == "Louvre");
        Assert.Contains("Krakatoa erupted in 1883", Assert.Single(naive).Text, StringComparison.Ordinal);
        Assert.Equal(naive[0].ChunkId, Assert.Single(mix.Chunks).ChunkId);
    }
}
