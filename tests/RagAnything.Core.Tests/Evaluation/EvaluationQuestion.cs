namespace RagAnything.Core.Tests.Evaluation;

/// <summary>One question of the evaluation set.</summary>
/// <param name="Part">The part of the set: <c>sec</c> and <c>tatqa</c> score document hits, <c>squad</c> answer hits.</param>
/// <param name="Question">The question text.</param>
/// <param name="DocumentNames">The file names of the documents that contain its answer.</param>
/// <param name="Answers">The accepted answers.</param>
internal sealed record EvaluationQuestion(string Part, string Question, IReadOnlyList<string> DocumentNames, IReadOnlyList<string> Answers);
