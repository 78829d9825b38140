using Microsoft.Extensions.Options;

namespace RagAnything.Storage.Sqlite.Tests;

/// <summary>A database file in a new temporary folder, deleted with the folder on dispose.</summary>
internal sealed class TemporaryDatabase : IAsyncDisposable
{
    private readonly string _directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "raganything-sqlite-" + Guid.NewGuid().ToString("N"));

    public TemporaryDatabase()
    {
        Path = System.IO.Path.Combine(_directory, "store.db");
        Database = Open();
    }

    public string Path { get; }

    public SqliteDatabase Database { get; }

    /// <summary>Opens another owner of the same file, as a second process or a restart would.</summary>
    public SqliteDatabase Open() => new(Options.Create(new SqliteStorageOptions { DatabasePath = Path }));

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
