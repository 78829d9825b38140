using Microsoft.Extensions.DependencyInjection;
using RagAnything.Embeddings.Onnx;
using RagAnything.Ingestion;
using RagAnything.Query;
using RagAnything.Core.Tests.TestDoubles;
using Xunit.Abstractions;

namespace RagAnything.Core.Tests.Evaluation;

/// <summary>
/// The retrieval half of the int8 accuracy gate: over the whole evaluation set, naive top-5 retrieval with the int8
/// model must score within 0.01 of the float32 model on every part. The vector half (cosines to float32) is in the
/// ONNX package's tests.
/// </summary>
public sealed class Int8RetrievalGateTests(ITestOutputHelper output)
{
    private const int TopK = 5;
    private const double AllowedDrop = 0.01;

    [Fact]
    public async Task Int8_EvaluationSet_HitsWithinHundredthOfFloat32()
    {
        using var cache = new TemporaryFolder();
        var questions = EvaluationSet.Questions();

        var float32 = await ScoreAsync(EmbeddingPrecision.Float32, cache.Path, questions);
        var int8 = await ScoreAsync(EmbeddingPrecision.Int8, cache.Path, questions);

        foreach (var (part, float32Score) in float32.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{part}: float32 {float32Score:0.000}, int8 {int8[part]:0.000}");
        }

        foreach (var (part, float32Score) in float32)
        {
            Assert.True(int8[part] >= float32Score - AllowedDrop, $"Int8 hit@{TopK} on {part} is {int8[part]:0.000}, more than {AllowedDrop} below float32's {float32Score:0.000}.");
        }
    }

    private static async Task<Dictionary<string, double>> ScoreAsync(EmbeddingPrecision precision, string modelCache, List<EvaluationQuestion> questions)
    {
        using var store = new TemporaryFolder();
        var services = new ServiceCollection();
        services.AddRagAnything(options =>
            {
                // Naive retrieval reads only chunks, so the graph stage would only cost time. Documents wait for the
                // model behind each other on a busy machine, hence the long timeout.
                options.Ingestion.BuildKnowledgeGraph = false;
                options.Ingestion.DocumentTimeout = TimeSpan.FromHours(1);
            })
            .AddDefaultParsers()
            .AddOnnxEmbeddings(onnx =>
            {
                onnx.Precision = precision;
                onnx.CacheDirectory = modelCache;
            });
        services.AddRagAnythingSqliteStorage(sqlite => sqlite.DatabasePath = Path.Combine(store.Path, "eval.db"));

        await using var provider = services.BuildServiceProvider();
        var rag = provider.GetRequiredService<IRagAnything>();

        await foreach (var result in rag.IngestFilesAsync(EvaluationSet.DocumentPaths()))
        {
            // The evaluation documents are all readable, so a failure here is a defect, not a gate result.
            Assert.NotEqual(IngestOutcome.Failed, result.Outcome);
        }

        var hits = new Dictionary<string, (int Hits, int Total)>(StringComparer.Ordinal);
        foreach (var question in questions)
        {
            var citations = await rag.RetrieveAsync(new QueryRequest { Query = question.Question, Mode = QueryMode.Naive, TopK = TopK });
            bool hit = question.Part == "squad"
                ? citations.Any(citation => question.Answers.Any(answer => Normalize(citation.Text).Contains(Normalize(answer), StringComparison.Ordinal)))
                : citations.Any(citation => question.DocumentNames.Contains(citation.DocumentName, StringComparer.Ordinal));

            var (partHits, partTotal) = hits.GetValueOrDefault(question.Part);
            hits[question.Part] = (partHits + (hit ? 1 : 0), partTotal + 1);
        }

        return hits.ToDictionary(pair => pair.Key, pair => (double)pair.Value.Hits / pair.Value.Total, StringComparer.Ordinal);
    }

    private static string Normalize(string text) => string.Join(' ', text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
