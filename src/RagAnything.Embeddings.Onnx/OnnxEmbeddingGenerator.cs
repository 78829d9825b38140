using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.Tokenizers;
using RagAnything.Embeddings.Onnx.Diagnostics;
using RagAnything.Embeddings.Onnx.Internal;

namespace RagAnything.Embeddings.Onnx;

/// <summary>
/// Generates sentence embeddings locally with a BERT-style ONNX model and its WordPiece vocabulary: the token states
/// of <c>last_hidden_state</c> are mean-pooled over the attention mask and L2-normalised, as sentence-transformers
/// does. The bundled default is all-MiniLM-L6-v2, which produces 384-dimensional vectors.
/// </summary>
/// <remarks>
/// <para>
/// Nothing is loaded when the generator is constructed. The first call extracts the bundled model if needed and
/// creates the inference session, so it takes noticeably longer than later calls.
/// </para>
/// <para>
/// Thread-safe: concurrent calls share one session. Each call tokenizes its inputs, truncates each to
/// <see cref="OnnxEmbeddingOptions.MaxSequenceLength"/> tokens, sorts them by token count so that each batch pads
/// little, runs batches of <see cref="OnnxEmbeddingOptions.BatchSize"/> on a thread-pool thread, and returns the
/// vectors in input order. Cancellation is checked before each batch, so a batch that has started runs to its end.
/// </para>
/// </remarks>
public sealed class OnnxEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The provider name reported in <see cref="EmbeddingGeneratorMetadata"/>.</summary>
    public const string ProviderName = "onnx";

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

        // The model run is CPU-bound and synchronous, so it is moved off the caller's thread.
        return await Task.Run(() => Generate(texts, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Returns <see cref="EmbeddingGeneratorMetadata"/> (its dimensions stay <see langword="null"/> until the model has
    /// been loaded), the model's <see cref="Tokenizer"/> (which extracts the bundled model if needed), or this instance.
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
    public void Dispose()
    {
        if (_ownsResources)
        {
            _resources.Dispose();
        }
    }

    private GeneratedEmbeddings<Embedding<float>> Generate(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();

        var sequences = Tokenize(texts, out long tokenCount);

        // Batching texts of similar length keeps padding, which the model computes but pooling discards, small.
        int[] order = Enumerable.Range(0, sequences.Length).OrderBy(index => sequences[index].Count).ToArray();

        var session = _resources.GetSession();
        var vectors = new float[sequences.Length][];
        int batchSize = _options.BatchSize;
        var batch = new List<IReadOnlyList<int>>(batchSize);
        int batchCount = 0;

        for (int start = 0; start < order.Length; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();

            batch.Clear();
            int end = Math.Min(start + batchSize, order.Length);
            for (int position = start; position < end; position++)
            {
                batch.Add(sequences[order[position]]);
            }

            float[][] batchVectors = session.Embed(batch);
            for (int position = start; position < end; position++)
            {
                vectors[order[position]] = batchVectors[position - start];
            }

            batchCount++;
        }

        Log.InputsEmbedded(_logger, texts.Count, tokenCount, batchCount, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return ToResult(vectors, tokenCount);
    }

    private IReadOnlyList<int>[] Tokenize(IReadOnlyList<string> texts, out long tokenCount)
    {
        var tokenizer = _resources.GetTokenizer();
        var sequences = new IReadOnlyList<int>[texts.Count];
        tokenCount = 0;

        for (int index = 0; index < texts.Count; index++)
        {
            // NOTE: the tokenizer stops before a word whose pieces would not all fit, while Hugging Face cuts inside
            // the word. Vectors of truncated texts can therefore differ slightly from sentence-transformers' vectors.
            sequences[index] = tokenizer.EncodeToIds(texts[index], _options.MaxSequenceLength, addSpecialTokens: true, out _, out _);
            tokenCount += sequences[index].Count;
        }

        return sequences;
    }

    private GeneratedEmbeddings<Embedding<float>> ToResult(float[][] vectors, long tokenCount)
    {
        var embeddings = new List<Embedding<float>>(vectors.Length);
        foreach (var vector in vectors)
        {
            embeddings.Add(new Embedding<float>(vector) { ModelId = _resources.ModelId });
        }

        return new GeneratedEmbeddings<Embedding<float>>(embeddings)
        {
            Usage = new UsageDetails { InputTokenCount = tokenCount, TotalTokenCount = tokenCount },
        };
    }
}
