using RagAnything.Chunking;
using RagAnything.Ingestion;
using RagAnything.Query;

namespace RagAnything;

/// <summary>
/// Options for the RagAnything engine, grouped by concern. Bind them from configuration or set them in
/// <c>AddRagAnything(options => ...)</c>; they are validated when the host starts.
/// </summary>
public sealed class RagAnythingOptions
{
    /// <summary>Gets the chunk size and overlap.</summary>
    public ChunkingOptions Chunking { get; } = new();

    /// <summary>Gets the ingestion limits and concurrency.</summary>
    public IngestionOptions Ingestion { get; } = new();

    /// <summary>Gets the retrieval and answering options.</summary>
    public QueryOptions Query { get; } = new();
}
