using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.Tokenizers;
using RagAnything.Content;
using RagAnything.Embeddings.Onnx.Diagnostics;
using RagAnything.Embeddings.Onnx.Internal;

namespace RagAnything.Embeddings.Onnx;

/// <summary>
/// Generates sentence embeddings locally with a BERT-style ONNX model and its WordPiece vocabulary: the token states
/// of <c>last_hidden_state</c> are mean-pooled over the attention mask and L2-normalised, as sentence-transformers
/// does. The bundled default is all-MiniLM-L6-v2, which produces 384-dimensional vectors, in int8 unless
/// <see cref="OnnxEmbeddingOptions.Precision"/> selects float32.
/// </summary>
/// <remarks>
/// <para>
/// Nothing is loaded when the generator is constructed. The first call extracts the bundled model if needed, writes
/// its int8 version to the cache folder if int8 is requested and that file is missing, and creates the inference
/// session, so it takes noticeably longer than later calls.
/// </para>
/// <para>
/// Thread-safe: concurrent calls share one session. Each call embeds each distinct text once, truncates each to
/// <see cref="OnnxEmbeddingOptions.MaxSequenceLength"/> tokens, sorts them by token count so that each batch pads
/// little, runs batches of at most <see cref="OnnxEmbeddingOptions.BatchSize"/> texts and
/// <see cref="OnnxEmbeddingOptions.MaxBatchTokens"/> padded tokens, and returns the vectors in input order.
/// Cancellation is checked before each batch, so a batch that has started runs to its end.
/// </para>
/// <para>
/// Calls of more than about 2,000 characters run on dedicated inference threads
/// (<see cref="OnnxEmbeddingOptions.InferenceThreads"/>) at <see cref="OnnxEmbeddingOptions.InferenceThreadPriority"/>,
/// one batch per thread at a time, so that one large call uses every thread. The first of them also creates the
/// session. Shorter calls, such as a query's text, run on the caller's thread once the session exists, so they do not
/// queue behind ingestion batches.
/// </para>
/// </remarks>
public sealed class OnnxEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The provider name reported in <see cref="EmbeddingGeneratorMetadata"/>.</summary>
    public const string ProviderName = "onnx";

    // About two full-length inputs of English text (four to five characters per token): a few milliseconds of model
    // time, short enough to run on the caller's thread.
    private const int InlineCharacterLimit = 2048;

    private readonly OnnxEmbeddingOptions _options;
    private readonly OnnxModelResources _resources;
    private readonly ILogger _logger;
    private readonly bool _ownsResources;

    /// <summary>Initializes a new instance that loads its model on first use.</summary>
    /// <param name="options">The model and batching settings. Their values are read on each call, so do not change them afterwards.</param>
    /// <param name="logger">The logger for model extraction and session creation, or <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException">A setting in <paramref name="options"/> is invalid; the message lists each one with its value.</exception>
    public OnnxEmbeddingGenerator(OnnxEmbeddingOptions options, ILogger<OnnxEmbeddingGenerator>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);

        var validation = new OnnxEmbeddingOptionsValidator().Validate(name: null, options);
        if (validation.Failed)
        {
            throw new ArgumentException($"The ONNX embedding options are invalid: {validation.FailureMessage}", nameof(options));
        }

        _options = options;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _resources = new OnnxModelResources(options, _logger);
        _ownsResources = true;
    }

    /// <summary>Initializes an instance over resources owned by the service container, which also validates the options.</summary>
    internal OnnxEmbeddingGenerator(OnnxEmbeddingOptions options, OnnxModelResources resources, ILogger logger)
    {
        _options = options;
        _resources = resources;
        _logger = logger;
        _ownsResources = false;
    }

    /// <summary>
    /// Gets the weight precision of the model this generator runs: <see cref="OnnxEmbeddingOptions.Precision"/>, or
    /// when that is <see langword="null"/>, int8 for the bundled model and float32 for a custom one.
    /// </summary>
    public EmbeddingPrecision Precision => _resources.Precision;

    /// <inheritdoc/>
    /// <remarks>An empty string is valid input and embeds only the [CLS] and [SEP] tokens.</remarks>
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);

        var texts = values as IReadOnlyList<string> ?? values.ToList();
        for (int index = 0; index < texts.Count; index++)
        {
            if (texts[index] is null)
            {
                throw new ArgumentException($"The input at index {index} is null. Pass an empty string to embed no text.", nameof(values));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();

        if (texts.Count == 0)
        {
            return [];
        }

        // Short requests, such as a query's text, run on the caller's thread at its priority and do not queue behind
        // ingestion batches. Everything else runs on the inference threads, which keep thread-pool threads free.
        if (IsShort(texts) && _resources.BeginCallerThreadCall() is { } session)
        {
            try
            {
                return Generate(texts, session, cancellationToken);
            }
            finally
            {
                _resources.EndCallerThreadCall();
            }
        }

        return await GenerateOnInferenceThreadsAsync(texts, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Returns <see cref="EmbeddingGeneratorMetadata"/> (its model id ends in <c>-int8</c> when <see cref="Precision"/>
    /// is <see cref="EmbeddingPrecision.Int8"/>, and its dimensions stay <see langword="null"/> until the model has been loaded), the model's <see cref="Tokenizer"/> (which extracts the bundled model if needed), or this instance.
    /// </remarks>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);

        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(EmbeddingGeneratorMetadata))
        {
            return new EmbeddingGeneratorMetadata(ProviderName, providerUri: null, _resources.ModelId, _resources.LoadedSession?.Dimensions);
        }

        if (serviceType.IsAssignableFrom(typeof(BertTokenizer)))
        {
            return _resources.GetTokenizer();
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <summary>Releases the inference session unless the service container that created this generator owns it.</summary>
    /// <remarks>
    /// Calls still queued fail with <see cref="ObjectDisposedException"/>, and so does a call on the inference threads
    /// that has batches still queued. Running work is waited for: up to 30 seconds for the batches on the inference
    /// threads, then up to 30 more for short calls on callers' threads. The session is left open when some of it has
    /// not ended by then.
    /// </remarks>
    public void Dispose()
    {
        if (_ownsResources)
        {
            _resources.Dispose();
        }
    }

    private static bool IsShort(IReadOnlyList<string> texts)
    {
        int characters = 0;
        foreach (string text in texts)
        {
            characters += text.Length;
            if (characters > InlineCharacterLimit)
            {
                return false;
            }
        }

        return true;
    }

    // Runs the whole call on the caller's thread.
    private GeneratedEmbeddings<Embedding<float>> Generate(IReadOnlyList<string> texts, OnnxModelSession session, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        var plan = Prepare(texts, session);

        foreach (int[] indexes in plan.Batches)
        {
            cancellationToken.ThrowIfCancellationRequested();
            plan.Run(indexes);
        }

        return Finish(plan, started);
    }

    // Spreads the call's batches over the inference threads, so one large call uses every thread.
    private async Task<GeneratedEmbeddings<Embedding<float>>> GenerateOnInferenceThreadsAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        var threads = _resources.InferenceThreads;

        // Tokenizing runs on an inference thread too, to keep thread-pool threads free, and the session is created
        // there on first use.
        var plan = await threads.RunAsync(() => Prepare(texts, _resources.GetSession()), cancellationToken).ConfigureAwait(false);

        var runs = new List<Task>(plan.Batches.Count);
        foreach (int[] indexes in plan.Batches)
        {
            try
            {
                runs.Add(threads.RunAsync(() => plan.Run(indexes), cancellationToken));
            }
            catch (ObjectDisposedException exception)
            {
                // Disposed while queuing: the batches queued so far are failed by the stopping threads, and are
                // awaited below with this one so that none of their exceptions goes unobserved.
                runs.Add(Task.FromException(exception));
                break;
            }
        }

        await Task.WhenAll(runs).ConfigureAwait(false);

        return Finish(plan, started);
    }

    private CallPlan Prepare(IReadOnlyList<string> texts, OnnxModelSession session)
    {
        // Chunks repeat (boilerplate headers, table cells), and a repeated text gives the same vector, so each
        // distinct text is run once and its vector copied to every position that has it.
        var distinct = DistinctTexts.Find(texts);
        if (distinct.Texts.Count < texts.Count)
        {
            Log.DuplicatesSkipped(_logger, texts.Count - distinct.Texts.Count, texts.Count);
        }

        var sequences = Tokenize(distinct.Texts);
        var batches = BatchPlanner.Plan(sequences.Select(sequence => sequence.Count).ToList(), _options.BatchSize, _options.MaxBatchTokens, _options.SortByLength);
        return new CallPlan(session, sequences, distinct.IndexOfInput, batches);
    }

    private GeneratedEmbeddings<Embedding<float>> Finish(CallPlan plan, long started)
    {
        long tokenCount = 0;
        foreach (int distinctIndex in plan.IndexOfInput)
        {
            tokenCount += plan.Sequences[distinctIndex].Count;
        }

        Log.InputsEmbedded(_logger, plan.IndexOfInput.Length, tokenCount, plan.Batches.Count, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return ToResult(plan.Vectors, plan.IndexOfInput, tokenCount);
    }

    private IReadOnlyList<int>[] Tokenize(IReadOnlyList<string> texts)
    {
        var tokenizer = _resources.GetTokenizer();
        var sequences = new IReadOnlyList<int>[texts.Count];

        for (int index = 0; index < texts.Count; index++)
        {
            // NOTE: the tokenizer stops before a word whose pieces would not all fit, while Hugging Face cuts inside
            // the word. Vectors of truncated texts can therefore differ slightly from sentence-transformers' vectors.
            sequences[index] = tokenizer.EncodeToIds(UnicodeText.ReplaceInvalid(texts[index]), _options.MaxSequenceLength, addSpecialTokens: true, out _, out _);
        }

        return sequences;
    }

    private GeneratedEmbeddings<Embedding<float>> ToResult(float[][] vectors, int[] indexOfInput, long tokenCount)
    {
        var embeddings = new List<Embedding<float>>(indexOfInput.Length);
        var used = new bool[vectors.Length];
        foreach (int index in indexOfInput)
        {
            // Repeats get their own copy, so a caller that changes one vector does not change another.
            float[] vector = used[index] ? (float[])vectors[index].Clone() : vectors[index];
            used[index] = true;
            embeddings.Add(new Embedding<float>(vector) { ModelId = _resources.ModelId });
        }

        return new GeneratedEmbeddings<Embedding<float>>(embeddings)
        {
            Usage = new UsageDetails { InputTokenCount = tokenCount, TotalTokenCount = tokenCount },
        };
    }
}
