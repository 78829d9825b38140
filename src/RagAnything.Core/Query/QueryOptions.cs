namespace RagAnything.Query;

/// <summary>
/// Options for retrieval and answering.
/// </summary>
public sealed class QueryOptions
{
    /// <summary>The default number of cited chunks: enough context for a short answer without drowning it.</summary>
    public const int DefaultTopK = 5;

    /// <summary>
    /// The default reciprocal-rank-fusion constant. 60 is the value from the original RRF evaluation
    /// (Cormack, Clarke and Büttcher, SIGIR 2009), where it worked across collections.
    /// </summary>
    public const int DefaultRrfConstant = 60;

    /// <summary>The default number of candidates taken from each channel for every chunk cited.</summary>
    public const int DefaultCandidateMultiplier = 4;

    /// <summary>The default number of sentences in an extractive answer.</summary>
    public const int DefaultExtractiveSentences = 3;

    /// <summary>
    /// The default number of entities or relations taken from the vector search of a graph query, before token
    /// budgets: several per cited chunk, so the budgets rather than the search decide what fits.
    /// </summary>
    public const int DefaultGraphTopK = 20;

    /// <summary>
    /// The default minimum cosine similarity of an entity or relation to the query keywords. An estimate: with
    /// sentence-embedding models of the MiniLM kind, unrelated short texts mostly score below 0.2, and without a
    /// cut-off a small graph returns every record, however unrelated.
    /// </summary>
    public const double DefaultMinGraphScore = 0.2;

    /// <summary>The default token budget for entity descriptions: about ten entities with two-sentence descriptions.</summary>
    public const int DefaultMaxEntityTokens = 1000;

    /// <summary>The default token budget for relation descriptions: about fifteen relations with one-sentence descriptions.</summary>
    public const int DefaultMaxRelationTokens = 1000;

    /// <summary>
    /// The default token budget for the whole graph context: both graph budgets plus the default five chunks of
    /// up to 200 tokens, with room to spare, which fits chat models with an 8k-token window.
    /// </summary>
    public const int DefaultMaxContextTokens = 4000;

    /// <summary>
    /// The default weight of the graph channel in <see cref="QueryMode.Mix"/> fusion, against 1 for the vector and
    /// keyword channels. With the default top-k and candidate multiplier, a chunk that only the graph finds scores at
    /// most 0.2 / 61 and ranks after every chunk the vector search returns (at least 1 / 80). The graph then re-ranks
    /// what the chunk channels found and adds its own chunks after them instead of displacing them. At 0.5 its bonus
    /// (up to 0.5 / 61) outweighed a chunk channel's whole ranking of the top candidates, and mix lost an answer hit
    /// that naive found in the retrieval evaluation (docs/benchmarks.md, "Query modes").
    /// </summary>
    /// <remarks>
    /// NOTE: 0.2 was chosen from 0.5, 0.2 and 0.1 on that evaluation with the offline graph. It is tuned to one small
    /// set, and a graph built by a chat model may warrant a higher weight.
    /// </remarks>
    public const double DefaultMixGraphWeight = 0.2;

    /// <summary>Gets or sets the number of chunks cited when a request does not say.</summary>
    /// <value>The default is <see cref="DefaultTopK"/> (5).</value>
    public int TopK { get; set; } = DefaultTopK;

    /// <summary>Gets or sets the largest top-k a request may ask for.</summary>
    /// <value>The default is 100.</value>
    public int MaxTopK { get; set; } = 100;

    /// <summary>Gets or sets the constant k in the fused score 1 / (k + rank).</summary>
    /// <value>The default is <see cref="DefaultRrfConstant"/> (60).</value>
    public int RrfConstant { get; set; } = DefaultRrfConstant;

    /// <summary>Gets or sets how many candidates each channel returns per cited chunk before fusion.</summary>
    /// <value>The default is <see cref="DefaultCandidateMultiplier"/> (4).</value>
    public int CandidateMultiplier { get; set; } = DefaultCandidateMultiplier;

    /// <summary>Gets or sets whether the keyword (full-text) channel is fused with the vector channel.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool UseKeywordSearch { get; set; } = true;

    /// <summary>Gets or sets how many sentences an extractive answer holds when no chat model is configured.</summary>
    /// <value>The default is <see cref="DefaultExtractiveSentences"/> (3).</value>
    public int ExtractiveSentences { get; set; } = DefaultExtractiveSentences;

    /// <summary>Gets or sets how many entities or relations a graph query takes from the vector search before token budgets.</summary>
    /// <value>The default is <see cref="DefaultGraphTopK"/> (20).</value>
    public int GraphTopK { get; set; } = DefaultGraphTopK;

    /// <summary>Gets or sets the minimum cosine similarity of an entity or relation to the query keywords for a graph query to use it.</summary>
    /// <value>The default is <see cref="DefaultMinGraphScore"/> (0.2).</value>
    public double MinGraphScore { get; set; } = DefaultMinGraphScore;

    /// <summary>Gets or sets the maximum number of tokens of entity descriptions in a graph query's context.</summary>
    /// <value>The default is <see cref="DefaultMaxEntityTokens"/> (1000).</value>
    public int MaxEntityTokens { get; set; } = DefaultMaxEntityTokens;

    /// <summary>Gets or sets the maximum number of tokens of relation descriptions in a graph query's context.</summary>
    /// <value>The default is <see cref="DefaultMaxRelationTokens"/> (1000).</value>
    public int MaxRelationTokens { get; set; } = DefaultMaxRelationTokens;

    /// <summary>
    /// Gets or sets the maximum number of tokens of a graph query's whole context. Chunks fill what the entities and
    /// relations leave, up to the top-k. Tokens are counted with the registered tokenizer.
    /// </summary>
    /// <value>The default is <see cref="DefaultMaxContextTokens"/> (4000).</value>
    public int MaxContextTokens { get; set; } = DefaultMaxContextTokens;

    /// <summary>Gets or sets how the graph query modes order the chunks of their entities and relations.</summary>
    /// <value>The default is <see cref="ChunkSelection.VectorSimilarity"/>.</value>
    public ChunkSelection ChunkSelection { get; set; } = ChunkSelection.VectorSimilarity;

    /// <summary>Gets or sets the weight of the graph channel against the vector and keyword channels in <see cref="QueryMode.Mix"/>.</summary>
    /// <value>The default is <see cref="DefaultMixGraphWeight"/> (0.2).</value>
    public double MixGraphWeight { get; set; } = DefaultMixGraphWeight;
}
