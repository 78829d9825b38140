using Microsoft.Extensions.Logging;
using Microsoft.ML.Tokenizers;
using RagAnything.Embeddings.Onnx.Diagnostics;

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
    private readonly OnnxEmbeddingOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private ModelFiles? _files;
    private BertTokenizer? _tokenizer;
    private OnnxModelSession? _session;
    private bool _disposed;

    public OnnxModelResources(OnnxEmbeddingOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);

        _options = options;
        _logger = logger;
    }

    /// <summary>Gets the model id, which is known without loading anything.</summary>
    public string ModelId => _options.ModelId ?? OnnxEmbeddingOptions.BundledModelId;

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
            ObjectDisposedException.ThrowIf(_disposed, this);

            if (_tokenizer is null)
            {
                var created = WordPieceTokenizerFactory.Create(GetFiles().VocabularyPath, _options.LowerCase);
                Volatile.Write(ref _tokenizer, created);
            }

            return _tokenizer;
        }
    }

    public OnnxModelSession GetSession()
    {
        var session = Volatile.Read(ref _session);
        if (session is not null)
        {
            return session;
        }

        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);

            if (_session is null)
            {
                var files = GetFiles();
                var created = OnnxModelSession.Create(files.ModelPath, _options.IntraOpThreads);
                Log.SessionCreated(_logger, files.ModelId, files.ModelPath, _options.IntraOpThreads, created.Dimensions);
                Volatile.Write(ref _session, created);
            }

            return _session;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _session?.Dispose();
            _session = null;
        }
    }

    // Called under _lock.
    private ModelFiles GetFiles()
    {
        if (_files is not null)
        {
            return _files;
        }

        _files = _options.ModelPath is null || _options.VocabularyPath is null
            ? BundledModel.Extract(_options.CacheDirectory, _logger)
            : new ModelFiles(ModelId, _options.ModelPath, _options.VocabularyPath);

        return _files;
    }
}
