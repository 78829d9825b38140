namespace RagAnything.Cli.Tests;

/// <summary>
/// Locates the repository root and the shared test data beside it.
/// </summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Corpus => Path.Combine(Root, "..", "shared", "corpus");

    public static string SampleData => Path.Combine(Root, "samples", "data");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RagAnything.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"RagAnything.sln was not found above {AppContext.BaseDirectory}.");
    }
}
