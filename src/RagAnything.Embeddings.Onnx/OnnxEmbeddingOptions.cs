using Microsoft.ML.OnnxRuntime;
using RagAnything.Embeddings.Onnx.Quantization;

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

    /// <summary>The largest <see cref="MaxSequenceLength"/> the bundled model accepts: the length of its position embeddings.</summary>
    public const int BundledModelMaxSequenceLength = 512;

    /// <summary>
    /// The default of <see cref="BatchSize"/>, a trade-off: larger batches spread the per-run overhead over more texts,
    /// but the hidden-state output grows with batch × tokens × hidden size (12 MB of floats at 32 × 256 × 384).
    /// </summary>
    public const int DefaultBatchSize = 32;

    /// <summary>
    /// The largest accepted <see cref="InferenceThreads"/>. Each thread reserves a stack and runs the model on its own,
    /// and threads beyond the processor count only take turns on the same cores.
    /// </summary>
    public const int MaxInferenceThreads = 256;

    /// <summary>The largest accepted <see cref="BatchSize"/>, which bounds the memory one batch can take.</summary>
    public const int MaxBatchSize = 1024;

    /// <summary>
    /// The default of <see cref="MaxBatchTokens"/>: one input of the default <see cref="MaxSequenceLength"/>, or several
    /// short ones. Small runs keep their activations in the processor caches. On the reference machine, a budget of 256
    /// tokens embedded a mixed set of texts 1.03 to 1.09 times as fast as 512 tokens. It was 1.3 (fp32) to 1.5 (int8)
    /// times as fast as batches of 32 split over two intra-op threads.
    /// Raise it, with <see cref="BatchSize"/>, on a GPU.
    /// </summary>
    public const int DefaultMaxBatchTokens = 256;

    /// <summary>The suffix appended to the model id when <see cref="Precision"/> selects <see cref="EmbeddingPrecision.Int8"/>.</summary>
    public const string Int8ModelIdSuffix = "-int8";

    /// <summary>
    /// The default of <see cref="IntraOpThreads"/>. An intra-op thread pool synchronises its threads after every
    /// operator, and the operators of a small batch take only microseconds to a few milliseconds, so the threads
    /// wait more than they compute. On the reference machine (2 cores) two single-threaded runs side by side embedded
    /// a mixed set of 700 texts 1.35 (fp32) to 1.55 (int8) times as fast as one run on two intra-op threads.
    /// </summary>
    public const int DefaultIntraOpThreads = 1;

    /// <summary>
    /// The default of <see cref="InterOpThreads"/>: a BERT encoder is a chain of operators with no independent
    /// branches worth running in parallel, so ONNX Runtime runs the graph sequentially and one thread is enough.
    /// </summary>
    public const int DefaultInterOpThreads = 1;

    /// <summary>
    /// The default of <see cref="AllowSpinning"/>. Idle ONNX Runtime threads that spin keep a core busy between
    /// operators and between batches, which takes CPU from the parsing and storage stages that run beside embedding,
    /// so it is off. ONNX Runtime's own default is on.
    /// </summary>
    /// <remarks>
    /// With the default of one intra-op thread per run there is no intra-op pool, so the setting only matters when
    /// <see cref="IntraOpThreads"/> is raised. Its speed cost in that case has not been measured on the reference machine.
    /// </remarks>
    public const bool DefaultAllowSpinning = false;

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

    /// <summary>Gets or sets the weight precision of the model that is run.</summary>
    /// <value>
    /// The default is <see langword="null"/>, which selects <see cref="EmbeddingPrecision.Int8"/> for the bundled model
    /// and <see cref="EmbeddingPrecision.Float32"/> for a custom one. On the reference machine the bundled model's int8
    /// version runs 2.3 times as fast as float32. Its mean cosine to float32 vectors over 126 SQuAD paragraphs is 0.9990
    /// through this generator, and its retrieval hit rate at 5 equalled float32's on every part of the evaluation set
    /// (docs/benchmarks.md). A custom model's int8 version has not been measured by this package.
    /// </value>
    /// <remarks>
    /// With int8 the quantized model is written to <see cref="CacheDirectory"/> on the first embedding call, which
    /// takes a few seconds once, and is reused on later starts. The reported model id then ends in
    /// <see cref="Int8ModelIdSuffix"/>, so a store whose vectors were written at the other precision refuses the new
    /// ones with an error instead of mixing them. Set <see cref="EmbeddingPrecision.Float32"/> to keep using such a store.
    /// </remarks>
    public EmbeddingPrecision? Precision { get; set; }

    /// <summary>
    /// Gets or sets how the model is quantized to int8: the operator, the nodes that stay in float, and the smoothing
    /// and outlier-channel settings.
    /// </summary>
    /// <value>
    /// The default is <see langword="null"/>, which selects <see cref="BundledModelQuantization.CreateOptions"/> for
    /// the bundled model and quantizes every eligible node of a custom model.
    /// </value>
    public QuantizationOptions? Quantization { get; set; }

    /// <summary>Gets or sets the maximum number of padded tokens in one model run.</summary>
    /// <value>
    /// The default is <see cref="DefaultMaxBatchTokens"/> (256). A batch closes before the input whose addition would
    /// make inputs × longest input exceed it. An input longer than the limit runs in a batch of its own.
    /// </value>
    /// <remarks>
    /// Memory grows with the padded tokens of a run: with <see cref="BatchSize"/> 1024 and this limit out of the way,
    /// one run of 1,024 inputs of 256 tokens peaked at about 9 GB of process memory on the reference machine. Each
    /// of the <see cref="InferenceThreads"/> can hold such a run at the same time.
    /// </remarks>
    public int MaxBatchTokens { get; set; } = DefaultMaxBatchTokens;

    /// <summary>Gets or sets whether inputs are sorted by token count before they are cut into batches.</summary>
    /// <value>
    /// The default is <see langword="true"/>: a batch is padded to its longest input, and the model computes the
    /// padding although pooling discards it, so batches of similar lengths waste little. Turn it off only to measure that.
    /// </value>
    public bool SortByLength { get; set; } = true;

    /// <summary>Gets or sets the number of threads the ONNX runtime uses inside one model run.</summary>
    /// <value>
    /// The default is <see cref="DefaultIntraOpThreads"/> (1): <see cref="InferenceThreads"/> runs batches side by
    /// side instead, which uses the cores better than splitting each small batch. Raise it, and lower
    /// <see cref="InferenceThreads"/>, when calls are few and latency matters more than throughput.
    /// </value>
    public int IntraOpThreads { get; set; } = DefaultIntraOpThreads;

    /// <summary>Gets or sets the number of dedicated threads that run model batches, each with its own run.</summary>
    /// <value>
    /// The default is <see cref="Environment.ProcessorCount"/>, so ingestion keeps every core busy. The batches of one
    /// call are spread over all of them. Lower it to leave cores to other work of the process.
    /// </value>
    public int InferenceThreads { get; set; } = Environment.ProcessorCount;

    /// <summary>Gets or sets the number of threads the ONNX runtime uses to run independent operators in parallel.</summary>
    /// <value>The default is <see cref="DefaultInterOpThreads"/> (1).</value>
    public int InterOpThreads { get; set; } = DefaultInterOpThreads;

    /// <summary>Gets or sets the ONNX Runtime graph optimization level.</summary>
    /// <value>
    /// The default is <see cref="GraphOptimizationLevel.ORT_ENABLE_ALL"/>, which lets ONNX Runtime fuse the attention,
    /// layer normalisation and GELU subgraphs of BERT-style models into single operators.
    /// </value>
    public GraphOptimizationLevel GraphOptimizationLevel { get; set; } = GraphOptimizationLevel.ORT_ENABLE_ALL;

    /// <summary>Gets or sets whether ONNX Runtime keeps freed buffers in its memory arena to reuse them in later runs.</summary>
    /// <value>
    /// The default is <see langword="true"/>: batches of similar shape reuse the same buffers instead of allocating
    /// them again. Turn it off to return memory to the system after each run, at some cost in speed.
    /// </value>
    public bool EnableMemoryArena { get; set; } = true;

    /// <summary>
    /// Gets or sets whether idle intra-op threads spin while waiting for work (the session option
    /// <c>session.intra_op.allow_spinning</c>).
    /// </summary>
    /// <value>The default is <see cref="DefaultAllowSpinning"/> (<see langword="false"/>).</value>
    public bool AllowSpinning { get; set; } = DefaultAllowSpinning;

    /// <summary>
    /// Gets or sets the scheduling priority of the <see cref="InferenceThreads"/>, and on Linux of the ONNX Runtime
    /// intra-op threads, which inherit it.
    /// </summary>
    /// <value>
    /// The default is <see cref="ThreadPriority.BelowNormal"/> (nice 10 on Linux): inference keeps every core busy
    /// during ingestion, and at normal priority a request thread of the same process waits for a core behind it.
    /// <see cref="ThreadPriority.Lowest"/> (nice 19) and <see cref="ThreadPriority.Normal"/> are also accepted.
    /// Higher values are rejected, because raising a priority needs privileges. The REST latency section of the
    /// benchmark records has the measurements.
    /// </value>
    /// <remarks>
    /// Only the machine's other work can slow inference down at a lower priority. On an otherwise idle machine batches
    /// run as fast as at normal priority. On Windows and macOS only the inference threads themselves are lowered.
    /// </remarks>
    public ThreadPriority InferenceThreadPriority { get; set; } = ThreadPriority.BelowNormal;

    /// <summary>Gets or sets whether the model runs on the CUDA execution provider of ONNX Runtime.</summary>
    /// <value>
    /// The default is <see langword="false"/>. When the CUDA provider cannot be created, because the process has the
    /// CPU-only ONNX Runtime package or no usable GPU, the session runs on the CPU and a warning (event 6007) is logged.
    /// </value>
    /// <remarks>Running on a GPU needs the Microsoft.ML.OnnxRuntime.Gpu package in place of Microsoft.ML.OnnxRuntime.</remarks>
    public bool UseCuda { get; set; }

    /// <summary>Gets or sets the CUDA device that <see cref="UseCuda"/> selects.</summary>
    /// <value>The default is 0, the first GPU.</value>
    public int CudaDeviceId { get; set; }

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
