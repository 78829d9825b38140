namespace RagAnything.Graph;

/// <summary>
/// Options for building the knowledge graph: entity extraction, merging and modal content descriptions.
/// </summary>
public sealed class KnowledgeGraphOptions
{
    /// <summary>
    /// The default entity types: kinds of things most documents name. Dates and numbers are left out on purpose,
    /// because as nodes they join unrelated facts that merely share a year or a count.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultEntityTypes = ["person", "organization", "location", "event", "concept", "product"];

    /// <summary>The default for <see cref="GleaningRounds"/>: no second pass, because each round costs a full chat call per chunk.</summary>
    public const int DefaultGleaningRounds = 0;

    /// <summary>The default for <see cref="MaxEntitiesPerChunk"/>: far above what a chunk of a few hundred tokens names, so it only stops runaway output.</summary>
    public const int DefaultMaxEntitiesPerChunk = 40;

    /// <summary>The default for <see cref="MaxRelationsPerChunk"/>: about one and a half relations per entity at the entity cap.</summary>
    public const int DefaultMaxRelationsPerChunk = 60;

    /// <summary>The default for <see cref="MaxConcurrentExtractions"/>: an estimate of what hosted chat endpoints accept on entry-level rate limits.</summary>
    public const int DefaultMaxConcurrentExtractions = 4;

    /// <summary>
    /// The default for <see cref="OfflineMaxEntitiesPerChunk"/>: the offline extractor keeps the most salient names
    /// only, because every entity costs an embedding and co-occurrence lists grow with the square of the names.
    /// </summary>
    public const int DefaultOfflineMaxEntitiesPerChunk = 12;

    /// <summary>The default for <see cref="OfflineMaxRelationsPerChunk"/>: one relation per kept entity.</summary>
    public const int DefaultOfflineMaxRelationsPerChunk = 12;

    /// <summary>The default for <see cref="MaxDescriptionLength"/>: about 300 tokens, which fits within the 256 to 512 token input of common embedding models and leaves room for many entities in a query context.</summary>
    public const int DefaultMaxDescriptionLength = 1200;

    /// <summary>The default for <see cref="SummaryInputLength"/>: about 1000 tokens of description parts per summarisation call.</summary>
    public const int DefaultSummaryInputLength = 4000;

    /// <summary>The default for <see cref="MaxSourcesPerRecord"/>: enough chunks to cite, while a very common entity stays a small record.</summary>
    public const int DefaultMaxSourcesPerRecord = 100;

    /// <summary>The default for <see cref="ModalContextPages"/>: the pages just before and after, where figures and tables are usually discussed.</summary>
    public const int DefaultModalContextPages = 1;

    /// <summary>The default for <see cref="ModalContextTokens"/>: enough surrounding text to explain an item without drowning the item itself.</summary>
    public const int DefaultModalContextTokens = 400;

    /// <summary>The default for <see cref="OfflineDescriptionLength"/>: two or three sentences, so a frequent name's description stays short.</summary>
    public const int DefaultOfflineDescriptionLength = 400;

    /// <summary>Gets or sets the entity types the chat model is asked to extract.</summary>
    /// <value>The default is <see cref="DefaultEntityTypes"/>.</value>
    public IList<string> EntityTypes { get; set; } = [.. DefaultEntityTypes];

    /// <summary>Gets or sets the output format the chat model is asked to use.</summary>
    /// <value>The default is <see cref="ExtractionFormat.Delimited"/>.</value>
    public ExtractionFormat Format { get; set; } = ExtractionFormat.Delimited;

    /// <summary>Gets or sets how many times the chat model is asked again for entities and relations it missed in a chunk.</summary>
    /// <value>The default is <see cref="DefaultGleaningRounds"/> (0).</value>
    public int GleaningRounds { get; set; } = DefaultGleaningRounds;

    /// <summary>Gets or sets the maximum number of entities kept from one chunk. The rest are counted as dropped.</summary>
    /// <value>The default is <see cref="DefaultMaxEntitiesPerChunk"/> (40).</value>
    public int MaxEntitiesPerChunk { get; set; } = DefaultMaxEntitiesPerChunk;

    /// <summary>Gets or sets the maximum number of relations kept from one chunk. The rest are counted as dropped.</summary>
    /// <value>The default is <see cref="DefaultMaxRelationsPerChunk"/> (60).</value>
    public int MaxRelationsPerChunk { get; set; } = DefaultMaxRelationsPerChunk;

    /// <summary>Gets or sets the most entities the offline extractor keeps from one chunk.</summary>
    /// <value>The default is <see cref="DefaultOfflineMaxEntitiesPerChunk"/> (12).</value>
    public int OfflineMaxEntitiesPerChunk { get; set; } = DefaultOfflineMaxEntitiesPerChunk;

    /// <summary>Gets or sets the most relations the offline extractor keeps from one chunk.</summary>
    /// <value>The default is <see cref="DefaultOfflineMaxRelationsPerChunk"/> (12).</value>
    public int OfflineMaxRelationsPerChunk { get; set; } = DefaultOfflineMaxRelationsPerChunk;

    /// <summary>Gets or sets how many chat calls for extraction and modal descriptions one document makes at a time.</summary>
    /// <value>The default is <see cref="DefaultMaxConcurrentExtractions"/> (4).</value>
    public int MaxConcurrentExtractions { get; set; } = DefaultMaxConcurrentExtractions;

    /// <summary>
    /// Gets or sets the length, in characters, above which a merged description is summarised by the chat model,
    /// or cut at a part boundary when no chat model is configured.
    /// </summary>
    /// <value>The default is <see cref="DefaultMaxDescriptionLength"/> (1200).</value>
    public int MaxDescriptionLength { get; set; } = DefaultMaxDescriptionLength;

    /// <summary>Gets or sets the maximum length, in characters, of the description parts sent in one summarisation call.</summary>
    /// <value>The default is <see cref="DefaultSummaryInputLength"/> (4000).</value>
    public int SummaryInputLength { get; set; } = DefaultSummaryInputLength;

    /// <summary>
    /// Gets or sets the maximum number of sources kept per node or edge. Every document keeps at least one source,
    /// so removing a document always finds its contributions.
    /// </summary>
    /// <value>The default is <see cref="DefaultMaxSourcesPerRecord"/> (100).</value>
    public int MaxSourcesPerRecord { get; set; } = DefaultMaxSourcesPerRecord;

    /// <summary>Gets or sets how many pages before and after a table, image or equation count as its surrounding context.</summary>
    /// <value>The default is <see cref="DefaultModalContextPages"/> (1).</value>
    public int ModalContextPages { get; set; } = DefaultModalContextPages;

    /// <summary>Gets or sets the maximum number of tokens of surrounding text sent with a table, image or equation.</summary>
    /// <value>The default is <see cref="DefaultModalContextTokens"/> (400).</value>
    public int ModalContextTokens { get; set; } = DefaultModalContextTokens;

    /// <summary>Gets or sets the maximum length, in characters, of an entity description written without a chat model.</summary>
    /// <value>The default is <see cref="DefaultOfflineDescriptionLength"/> (400).</value>
    public int OfflineDescriptionLength { get; set; } = DefaultOfflineDescriptionLength;
}
