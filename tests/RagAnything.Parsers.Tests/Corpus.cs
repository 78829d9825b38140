using RagAnything.Parsing;

namespace RagAnything.Parsers.Tests;

/// <summary>
/// Locates the shared test files, which sit in ../shared beside the repository checkout.
/// </summary>
internal static class Corpus
{
    /// <summary>The longest a single parse may take before a test treats it as a hang.</summary>
    public static readonly TimeSpan ParseTimeout = TimeSpan.FromSeconds(60);

    private static readonly Lazy<string> SharedDirectory = new(FindSharedDirectory);

    public static string PathOf(string name) => Path.Combine(SharedDirectory.Value, "corpus", name);

    public static string EvalDirectory(string collection) => Path.Combine(SharedDirectory.Value, "eval", "documents", collection);

    public static IEnumerable<string> Files() => Directory.EnumerateFiles(Path.Combine(SharedDirectory.Value, "corpus"));

    public static Task<DocumentSource> LoadAsync(string name) => DocumentSource.FromFileAsync(PathOf(name));

    private static string FindSharedDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RagAnything.sln")))
            {
                return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared"));
            }
        }

        throw new InvalidOperationException($"RagAnything.sln was not found above {AppContext.BaseDirectory}.");
    }
}
