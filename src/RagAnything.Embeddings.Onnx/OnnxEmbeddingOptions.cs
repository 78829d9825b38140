namespace RagAnything.Embeddings.Onnx;

/// <summary>
/// Settings of <see cref="OnnxEmbeddingGenerator"/>: which model to load, how texts are cut and batched, and how many
/// threads the ONNX runtime uses.
/// </summary>
/// <remarks>
/// With <see cref="ModelPath"/> and <see cref="VocabularyPath"/> both left <see langword="null"/>, the bundled
/// all-MiniLM-L6-v2 model is used. Every setting is checked by the options validator when the host starts.
/// </remarks>
public sealed class OnnxEmbeddingOptions
{
    /// <summary>
    /// The id of the bundled model. Vector collections record it, so vectors of different models never mix.
    /// </summary>
    public const string BundledModelId = "all-MiniLM-L6-v2";

    /// <summary>
    /// The default of <see cref="MaxSequenceLength"/>: all-MiniLM-L6-v2 was trained on inputs of at most 256 tokens
    /// (its sentence-transformers <c>max_seq_length</c>), and longer inputs embed worse and cost more.
    /// </summary>
    public const int DefaultMaxSequenceLength = 256;

    /// <summary>
    /// The default of <see cref="BatchSize"/>, a trade-off: larger batches spread the per-run overhead over more texts,
    /// but the hidden-state output grows with batch × tokens × hidden size (12 MB of floats at 32 × 256 × 384).
    /// </summary>
    public const int DefaultBatchSize = 32;

    /// <summary>The largest accepted <see cref="BatchSize"/>, which bounds the memory one batch can take.</summary>
    public const int MaxBatchSize = 1024;

    /// <summary>
    /// The smallest accepted <see cref="MaxSequenceLength"/>: [CLS], one text token and [SEP].
    /// </summary>
    public const int MinSequenceLength = 3;

    /// <summary>
    /// The default of <see cref="LowerCase"/>: all-MiniLM-L6-v2 uses an uncased vocabulary.
    /// </summary>
    public const bool DefaultLowerCase = true;

    /// <summary>
    /// The environment variable that overrides the default <see cref="CacheDirectory"/>, so that machines with a
    /// read-only or roaming profile can put the extracted model elsewhere.
    /// </summary>
    public const string CacheDirectoryEnvironmentVariable = "RAGANYTHING_MODEL_CACHE";

    /// <summary>Gets or sets the path of the ONNX model file.</summary>
    /// <value>The default is <see langword="null"/>, which selects the bundled all-MiniLM-L6-v2 model.</value>
    /// <remarks>
    /// The model must take int64 <c>input_ids</c> and <c>attention_mask</c> inputs (and optionally
    /// <c>token_type_ids</c>) and produce a <c>last_hidden_state</c> output, as BERT-style exports do.
    /// Set <see cref="VocabularyPath"/> and <see cref="ModelId"/> with it.
    /// </remarks>
    public string? ModelPath { get; set; }

    /// <summary>Gets or sets the path of the WordPiece vocabulary file (<c>vocab.txt</c>) of the model.</summary>
    /// <value>The default is <see langword="null"/>, which selects the vocabulary of the bundled model.</value>
    public string? VocabularyPath { get; set; }

    /// <summary>Gets or sets the model id reported in the generator metadata and on every embedding.</summary>
    /// <value>
    /// The default is <see langword="null"/>, which means <see cref="BundledModelId"/> for the bundled model. It is
    /// required with <see cref="ModelPath"/>, because the id keeps vectors of different models apart.
    /// </value>
    public string? ModelId { get; set; }

    /// <summary>
    /// Gets or sets the maximum number of tokens fed to the model per text, counting [CLS] and [SEP]. Longer texts
    /// are truncated.
    /// </summary>
    /// <value>The default is <see cref="DefaultMaxSequenceLength"/> (256).</value>
    /// <remarks>It must not exceed the model's position embeddings (512 for BERT-base-sized models).</remarks>
    public int MaxSequenceLength { get; set; } = DefaultMaxSequenceLength;

    /// <summary>Gets or sets the maximum number of texts in one model run.</summary>
    /// <value>The default is <see cref="DefaultBatchSize"/> (32). Valid values are 1 to <see cref="MaxBatchSize"/>.</value>
    public int BatchSize { get; set; } = DefaultBatchSize;

    /// <summary>Gets or sets the number of threads the ONNX runtime uses inside one model run.</summary>
    /// <value>
    /// The default is <see cref="Environment.ProcessorCount"/>, because one batch is the unit of work and it should
    /// use the whole machine. Lower it when several generators or other CPU-bound stages run at the same time.
    /// </value>
    public int IntraOpThreads { get; set; } = Environment.ProcessorCount;

    /// <summary>Gets or sets the folder into which the bundled model is extracted.</summary>
    /// <value>
    /// The default is the value of the <c>RAGANYTHING_MODEL_CACHE</c> environment variable when it is set, and
    /// otherwise <c>RagAnything/models</c> under the local application data folder (the temporary folder when the
    /// system has none).
    /// </value>
    public string CacheDirectory { get; set; } = GetDefaultCacheDirectory();

    /// <summary>Gets or sets whether texts are lower-cased (and accents removed) before WordPiece tokenization.</summary>
    /// <value>The default is <see cref="DefaultLowerCase"/> (<see langword="true"/>). Set it to false for cased models.</value>
    public bool LowerCase { get; set; } = DefaultLowerCase;

    private static string GetDefaultCacheDirectory()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(CacheDirectoryEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }

        // LocalApplicationData is empty when the process has no home folder, as in some containers.
        var localData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        var root = string.IsNullOrEmpty(localData) ? Path.GetTempPath() : localData;
        return Path.Combine(root, "RagAnything", "models");
    }
}
