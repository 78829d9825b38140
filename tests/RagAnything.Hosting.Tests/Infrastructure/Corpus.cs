namespace RagAnything.Hosting.Tests.Infrastructure;

/// <summary>
/// Finds the shared test corpus: the folder <c>shared/corpus</c> beside the repository that holds RagAnything.sln.
/// </summary>
internal static class Corpus
{
    private static readonly Lazy<string> Folder = new(Locate);

    public static string PathOf(string fileName) => Path.Combine(Folder.Value, fileName);

    public static byte[] Read(string fileName) => File.ReadAllBytes(PathOf(fileName));

    private static string Locate()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        for (var depth = 0; directory is not null && depth < 12; depth++, directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RagAnything.sln")))
            {
                var corpus = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "corpus"));
                return Directory.Exists(corpus)
                    ? corpus
                    : throw new DirectoryNotFoundException($"The test corpus was not found at {corpus}, beside the repository.");
            }
        }

        throw new DirectoryNotFoundException($"No folder above {AppContext.BaseDirectory} holds RagAnything.sln.");
    }
}
