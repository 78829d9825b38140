using System.Text.Json;

namespace RagAnything.Core.Tests.Evaluation;

/// <summary>
/// The retrieval evaluation set: documents and questions kept beside the repository checkout, not in it, because
/// several documents are third-party works.
/// </summary>
internal static class EvaluationSet
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>Gets the paths of every evaluation document, in ordinal order.</summary>
    public static List<string> DocumentPaths() =>
        Directory.EnumerateFiles(Path.Combine(Root.Value, "documents"), "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Reads the questions, each with its part (sec, tatqa or squad), source file names and accepted answers.</summary>
    public static List<EvaluationQuestion> Questions()
    {
        var questions = new List<EvaluationQuestion>();
        foreach (var line in File.ReadLines(Path.Combine(Root.Value, "questions.jsonl")).Where(line => line.Length > 0))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var documentIds = root.GetProperty("doc_ids").EnumerateArray().Select(element => element.GetString()!).ToList();

            var answers = new List<string> { root.GetProperty("answer").GetString()! };
            if (root.TryGetProperty("alt_answers", out var alternatives))
            {
                answers.AddRange(alternatives.EnumerateArray().Select(element => element.GetString()!));
            }

            var folder = documentIds[0].Split('/')[0];
            var part = folder == "sec10q" ? "sec" : folder;
            questions.Add(new EvaluationQuestion(part, root.GetProperty("question").GetString()!, [.. documentIds.Select(id => Path.GetFileName(id))], answers));
        }

        return questions;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RagAnything.sln")))
            {
                return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "eval"));
            }
        }

        throw new InvalidOperationException($"RagAnything.sln was not found above {AppContext.BaseDirectory}. Run the tests from a checkout of the repository.");
    }
}
