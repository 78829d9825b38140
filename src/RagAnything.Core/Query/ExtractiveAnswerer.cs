using System.Numerics.Tensors;
using RagAnything.Chunking;
using RagAnything.Embeddings;

namespace RagAnything.Query;

/// <summary>
/// Builds an answer without a chat model: the sentences of the cited chunks most similar to the question,
/// each followed by the number of the citation it comes from.
/// </summary>
internal sealed class ExtractiveAnswerer(EmbeddingService embeddings)
{
    private const int MaxCandidateSentences = 96;
    private const int MinSentenceLength = 12;

    public async Task<string> AnswerAsync(string question, IReadOnlyList<Citation> citations, int sentenceCount, CancellationToken cancellationToken)
    {
        var fragments = await AnswerFragmentsAsync(question, citations, sentenceCount, cancellationToken).ConfigureAwait(false);
        return string.Join(' ', fragments);
    }

    /// <summary>
    /// Returns the answer's sentences in document order, each followed by its citation number, as in <c>Text. [2]</c>.
    /// Joined with single spaces they are the text of <see cref="AnswerAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<string>> AnswerFragmentsAsync(string question, IReadOnlyList<Citation> citations, int sentenceCount, CancellationToken cancellationToken)
    {
        if (citations.Count == 0)
        {
            return ["No indexed content matches the question."];
        }

        var candidates = new List<(string Sentence, int Citation, int Order)>();
        foreach (var citation in citations)
        {
            // Lines first: chunk text keeps headings, list items and table rows on lines of their own.
            foreach (var sentence in citation.Text.Split('\n').SelectMany(TextSegmenter.SplitSentences))
            {
                var trimmed = sentence.Trim();
                if (trimmed.Length >= MinSentenceLength && candidates.Count < MaxCandidateSentences)
                {
                    candidates.Add((trimmed, citation.Number, candidates.Count));
                }
            }
        }

        if (candidates.Count == 0)
        {
            return [$"{citations[0].Text.Trim()} [{citations[0].Number}]"];
        }

        var texts = new List<string>(candidates.Count + 1) { question };
        texts.AddRange(candidates.Select(candidate => candidate.Sentence));
        var vectors = await embeddings.EmbedAsync(texts, cancellationToken).ConfigureAwait(false);

        var questionVector = vectors[0];
        var best = candidates
            .Select((candidate, index) => (candidate, Score: TensorPrimitives.CosineSimilarity(questionVector.Span, vectors[index + 1].Span)))
            .OrderByDescending(scored => scored.Score)
            .Take(sentenceCount)
            .OrderBy(scored => scored.candidate.Order)
            .ToList();

        return best.Select(scored => $"{scored.candidate.Sentence} [{scored.candidate.Citation}]").ToList();
    }
}
