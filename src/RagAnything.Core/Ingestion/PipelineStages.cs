namespace RagAnything.Ingestion;

/// <summary>
/// Names of the pipeline stages, as recorded in <see cref="Storage.Documents.DocumentError.Stage"/>.
/// </summary>
public static class PipelineStages
{
    /// <summary>Accepting the bytes: size checks, hashing, storing the original.</summary>
    public const string Ingest = "ingest";

    /// <summary>Turning the bytes into a content list.</summary>
    public const string Parse = "parse";

    /// <summary>Splitting the content list into chunks.</summary>
    public const string Chunk = "chunk";

    /// <summary>Embedding the chunks.</summary>
    public const string Embed = "embed";

    /// <summary>Writing vectors and the keyword index.</summary>
    public const string Index = "index";

    /// <summary>Describing tables, images and equations, extracting entities and relations, and merging them into the knowledge graph.</summary>
    public const string Extract = "extract";

    /// <summary>Finished.</summary>
    public const string Done = "done";
}
