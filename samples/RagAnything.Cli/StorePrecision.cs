using Microsoft.Data.Sqlite;
using RagAnything.Embeddings.Onnx;
using RagAnything.Storage;

namespace RagAnything.Cli;

/// <summary>
/// Chooses the embedding precision for an existing store: the one its chunk vectors were written with.
/// </summary>
/// <remarks>
/// Stores written before int8 became the bundled model's default hold float32 vectors, and the vector store rejects
/// vectors of another model id. Reading the id back lets such stores be queried and extended without an option.
/// </remarks>
internal static class StorePrecision
{
    /// <summary>
    /// Returns <see cref="EmbeddingPrecision.Float32"/> when the store's chunk vectors came from the float32 bundled
    /// model, else <see langword="null"/>, which keeps the library's default.
    /// </summary>
    public static EmbeddingPrecision? Detect(string databasePath)
    {
        return ReadChunkModelId(databasePath) == OnnxEmbeddingOptions.BundledModelId ? EmbeddingPrecision.Float32 : null;
    }

    /// <summary>Reads the model id recorded with the store's chunk vectors, or <see langword="null"/> when there are none yet.</summary>
    public static string? ReadChunkModelId(string databasePath)
    {
        if (!File.Exists(databasePath))
        {
            return null;
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT model_id FROM vector_collections WHERE name = $name;";
        command.Parameters.AddWithValue("$name", StoreCollections.Chunks);

        try
        {
            return command.ExecuteScalar() as string;
        }
        catch (SqliteException)
        {
            // A database that the store has not initialised yet has no collections table.
            return null;
        }
    }
}
