namespace RagAnything.Benchmarks.Evaluation;

/// <summary>
/// One question of the evaluation set with the documents and answers that count as hits.
/// </summary>
internal sealed record EvalQuestion(string Id, string Part, string Question, IReadOnlyList<string> DocumentNames, IReadOnlyList<string> Answers);
