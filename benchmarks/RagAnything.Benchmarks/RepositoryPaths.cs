namespace RagAnything.Benchmarks;

/// <summary>
/// Locates the <c>shared</c> folder that sits beside the repository checkout and contains the evaluation data.
/// </summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> Shared = new(FindSharedDirectory);

    /// <summary>Gets the full path of the shared folder, which contains <c>eval</c>.</summary>
    /// <exception cref="DirectoryNotFoundException">No folder above the program's folder contains <c>shared/eval</c>.</exception>
    public static string SharedDirectory => Shared.Value;

    /// <summary>Gets the path of the SQuAD paragraphs file: one JSON object with a <c>text</c> field per line.</summary>
    public static string SquadPassagesPath => Path.Combine(SharedDirectory, "eval", "squad_passages.jsonl");

    private static string FindSharedDirectory()
    {
        // Benchmarks run from bin/<configuration>/<framework>, or from a BenchmarkDotNet child project below it, so
        // the search walks up from the program's folder instead of trusting the working directory.
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "eval")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"No folder containing shared/eval was found above {AppContext.BaseDirectory}. Put the shared folder beside the repository checkout.");
    }
}
