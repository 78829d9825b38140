using System.CommandLine;

namespace RagAnything.Cli;

/// <summary>
/// Options shared by several commands.
/// </summary>
internal static class CommonOptions
{
    /// <summary>The default data folder, relative to the current directory.</summary>
    public const string DefaultStoreDirectory = "rag-data";

    public static Option<DirectoryInfo> CreateStoreOption() => new("--store")
    {
        Description = $"The data folder that holds the SQLite database (default: ./{DefaultStoreDirectory}). 'ingest' creates it; 'status', 'query' and 'resume' exit with code 2 when it holds no store.",
        DefaultValueFactory = _ => new DirectoryInfo(DefaultStoreDirectory),
    };

    public static Option<bool> CreateJsonOption() => new("--json")
    {
        Description = "Print the result as JSON instead of text.",
    };

    public static Option<bool> CreateVerboseOption() => new("--verbose", "-v")
    {
        Description = "Log progress details to standard error.",
    };
}
