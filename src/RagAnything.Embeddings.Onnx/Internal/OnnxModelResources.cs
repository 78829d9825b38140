using Microsoft.Extensions.Logging;
using Microsoft.ML.Tokenizers;
using RagAnything.Embeddings.Onnx.Diagnostics;
using RagAnything.Embeddings.Onnx.Quantization;

namespace RagAnything.Embeddings.Onnx.Internal;

/// <summary>
/// The model files, tokenizer and inference session of one configured model, each created on first use and shared
/// by the embedding generator and the tokenizer registered for chunking.
/// </summary>
/// <remarks>
/// Thread-safe. A failed creation is not cached, so a later call retries it (for example after a full disk is cleared).
/// </remarks>
internal sealed class OnnxModelResources : IDisposable
{
    // The int8 models live in their own folder of the cache, so the bundled model's folders stay as extracted.
    private const string QuantizedFolderName = "int8";

    // Calls on callers' threads are short (a few milliseconds of model time), so this is a generous bound.
    private static readonly TimeSpan CallerThreadCallsTimeout = TimeSpan.FromSeconds(30);

    private readonly OnnxEmbeddingOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private ModelFiles? _files;
    private BertTokenizer? _tokenizer;
    private OnnxModelSession? _session;
    private InferenceThreadPool? _inferenceThreads;
    private bool _disposed;

    // Calls that run the session on their caller's thread, which disposal must wait for, because the inference threads
    // it stops do not run them. Changed under _lock.
    private int _callerThreadCalls;
    private readonly ManualResetEventSlim _noCallerThreadCalls = new(initialState: true);

    public OnnxModelResources(OnnxEmbeddingOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);

        _options = options;
        _logger = logger;
    }

    /// <summary>Gets the model id, which is known without loading anything and ends in <c>-int8</c> for int8 models.</summary>
    public string ModelId => Precision == EmbeddingPrecision.Int8 ? BaseModelId + OnnxEmbeddingOptions.Int8ModelIdSuffix : BaseModelId;

    /// <summary>Gets the weight precision in effect: the configured one, else int8 for the bundled model and float32 for a custom one.</summary>
    public EmbeddingPrecision Precision => _options.Precision ?? (IsBundled ? EmbeddingPrecision.Int8 : EmbeddingPrecision.Float32);

    private string BaseModelId => _options.ModelId ?? OnnxEmbeddingOptions.BundledModelId;

    private bool IsBundled => _options.ModelPath is null || _options.VocabularyPath is null;

    /// <summary>Gets the session if it has been created, without creating it.</summary>
    public OnnxModelSession? LoadedSession => Volatile.Read(ref _session);

    public BertTokenizer GetTokenizer()
    {
        var tokenizer = Volatile.Read(ref _tokenizer);
        if (tokenizer is not null)
        {
            return tokenizer;
        }

        lock (_lock)
        {
            ThrowIfDisposed();

            if (_tokenizer is null)
            {
                var created = WordPieceTokenizerFactory.Create(GetFiles().VocabularyPath, _options.LowerCase);
                Volatile.Write(ref _tokenizer, created);
            }

            return _tokenizer;
        }
    }

    /// <summary>Gets the threads that run model batches and create the session, starting them on first use.</summary>
    public InferenceThreadPool InferenceThreads
    {
        get
        {
            var threads = Volatile.Read(ref _inferenceThreads);
            if (threads is not null)
            {
                return threads;
            }

            lock (_lock)
            {
                ThrowIfDisposed();

                if (_inferenceThreads is null)
                {
                    Volatile.Write(ref _inferenceThreads, new InferenceThreadPool(_options.InferenceThreads, _options.InferenceThreadPriority, _logger));
                }

                return _inferenceThreads;
            }
        }
    }

    /// <summary>Gets the session, creating it on one of the <see cref="InferenceThreads"/> when it does not exist yet.</summary>
    /// <remarks>Creating it there gives the ONNX Runtime threads that the session starts the inference threads' priority.</remarks>
    public OnnxModelSession GetSession()
    {
        var session = Volatile.Read(ref _session);
        if (session is not null)
        {
            return session;
        }

        // The generator requests the session only from an inference thread. Other callers, such as benchmarks, wait
        // for the creation there. That cannot deadlock, because the generator's work items (tokenizing and model runs)
        // never wait for other work.
        var inferenceThreads = InferenceThreads;
        if (!inferenceThreads.IsCurrentThread)
        {
            return inferenceThreads.RunAsync(GetSession, CancellationToken.None).GetAwaiter().GetResult();
        }

        lock (_lock)
        {
            ThrowIfDisposed();

            if (_session is null)
            {
                var modelPath = GetSessionModelPath();
                var created = OnnxModelSession.Create(modelPath, _options, _logger);
                Log.SessionCreated(_logger, ModelId, Precision, modelPath, _options.InferenceThreads, _options.IntraOpThreads, created.Dimensions);
                Volatile.Write(ref _session, created);
            }

            return _session;
        }
    }

    /// <summary>
    /// Gets the session for a call on the caller's thread, if it exists, and keeps disposal from releasing it until
    /// <see cref="EndCallerThreadCall"/>.
    /// </summary>
    /// <returns>The session, or <see langword="null"/> when it has not been created or these resources are disposed.</returns>
    public OnnxModelSession? BeginCallerThreadCall()
    {
        lock (_lock)
        {
            if (_disposed || _session is null)
            {
                return null;
            }

            if (_callerThreadCalls++ == 0)
            {
                _noCallerThreadCalls.Reset();
            }

            return _session;
        }
    }

    /// <summary>Ends a call that <see cref="BeginCallerThreadCall"/> returned a session for.</summary>
    public void EndCallerThreadCall()
    {
        lock (_lock)
        {
            if (--_callerThreadCalls == 0)
            {
                _noCallerThreadCalls.Set();
            }
        }
    }

    public void Dispose()
    {
        InferenceThreadPool? inferenceThreads;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            inferenceThreads = _inferenceThreads;
        }

        // The threads are stopped outside the lock, because the batches they may be running can need the lock. Calls
        // on callers' threads are waited for as well, because releasing the session under a running call ends the
        // process in native code.
        bool idle = inferenceThreads?.Stop() ?? true;
        if (!_noCallerThreadCalls.Wait(CallerThreadCallsTimeout))
        {
            Log.CallerThreadCallsStillRunning(_logger, (long)CallerThreadCallsTimeout.TotalSeconds);
            idle = false;
        }

        lock (_lock)
        {
            if (idle)
            {
                _session?.Dispose();
                _noCallerThreadCalls.Dispose();
            }

            _session = null;
        }
    }

    // Callers know the generator, not these resources, so the exception names the generator.
    private void ThrowIfDisposed()
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(OnnxEmbeddingGenerator), "The embedding generator has been disposed.");
        }
    }

    // Called under _lock.
    private ModelFiles GetFiles()
    {
        if (_files is not null)
        {
            return _files;
        }

        _files = IsBundled
            ? BundledModel.Extract(_options.CacheDirectory, _logger)
            : new ModelFiles(BaseModelId, _options.ModelPath!, _options.VocabularyPath!);

        return _files;
    }

    // Called under _lock. Quantizing only here, and not for the tokenizer, keeps the int8 model from being written
    // until the first embedding call needs it.
    private string GetSessionModelPath()
    {
        var floatModelPath = GetFiles().ModelPath;
        if (Precision == EmbeddingPrecision.Float32)
        {
            return floatModelPath;
        }

        var quantization = _options.Quantization ?? (IsBundled ? BundledModelQuantization.CreateOptions() : new QuantizationOptions());
        return QuantizedModelCache.GetOrCreate(floatModelPath, Path.Combine(_options.CacheDirectory, QuantizedFolderName), quantization, _logger);
    }
}
