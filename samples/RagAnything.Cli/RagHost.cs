using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RagAnything.Cli;

/// <summary>
/// Creates the service provider the commands run on: SQLite in the data folder, the default parsers and the bundled ONNX model.
/// </summary>
internal static class RagHost
{
    public const string DatabaseFileName = "rag.db";

    /// <summary>
    /// Writes an error and returns <see langword="false"/> when the data folder has no database, so that the
    /// commands that only read or finish a store never create an empty one at a mistyped path.
    /// </summary>
    public static async Task<bool> CheckStoreExistsAsync(DirectoryInfo storeDirectory)
    {
        var databasePath = Path.Combine(storeDirectory.FullName, DatabaseFileName);
        if (File.Exists(databasePath))
        {
            return true;
        }

        var reason = storeDirectory.Exists ? $"the folder has no {DatabaseFileName}" : "the folder does not exist";
        await Console.Error.WriteLineAsync($"error: store not found at {storeDirectory.FullName}: {reason}. Create one with 'rag ingest --store {storeDirectory.FullName} PATH', or pass --store with the folder that holds {DatabaseFileName}.").ConfigureAwait(false);
        return false;
    }

    public static ServiceProvider Create(DirectoryInfo storeDirectory, bool verbose)
    {
        storeDirectory.Create();
        var databasePath = Path.Combine(storeDirectory.FullName, DatabaseFileName);

        var services = new ServiceCollection();
        services.AddLogging(logging => logging
            .AddSimpleConsole(console => console.SingleLine = true)
            .SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning)

            // Each document's error already names what failed. The resilience library logs every retry with a stack
            // trace, which would drown the progress lines, so those entries show only with --verbose.
            .AddFilter("Polly", verbose ? LogLevel.Information : LogLevel.None));

        // Console logging writes to standard output by default, which must stay free for query results and JSON.
        services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);

        var precision = StorePrecision.Detect(databasePath);
        services.AddRagAnything()
            .AddDefaultParsers()
            .AddOnnxEmbeddings(onnx => onnx.Precision = precision);
        services.AddRagAnythingSqliteStorage(sqlite => sqlite.DatabasePath = databasePath);

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        // Without a generic host nothing runs the start-up validation, so run it here and fail before any work.
        provider.GetService<IStartupValidator>()?.Validate();
        return provider;
    }
}
