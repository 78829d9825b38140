using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace RagAnything.Embeddings.Onnx.Quantization;

/// <summary>
/// Keeps int8 versions of ONNX models in a cache folder, so a model is quantized once and reused on later starts.
/// </summary>
/// <remarks>
/// A cache file is named <c>&lt;first 16 hex digits of the source SHA-256&gt;.int8-v&lt;<see cref="OnnxDynamicQuantizer.Version"/>&gt;.onnx</c>,
/// with <c>-x&lt;8 hex digits of a hash of the settings&gt;</c> before <c>.onnx</c> when the <see cref="QuantizationOptions"/>
/// differ from the defaults, so a changed source model, setting, calibration sequence or quantizer version gets a new
/// file. This class never deletes old files.
/// Files are written to a temporary name and then moved into place, so readers never see a partial model.
/// Several threads or processes may call <c>GetOrCreate</c> for the same model at once: each may quantize,
/// the first move wins and the others use its file.
/// </remarks>
public static class QuantizedModelCache
{
    // A 64-bit prefix is enough because one cache folder keeps only a few models.
    private const int HashPrefixLength = 16;

    /// <summary>
    /// Returns the path of the int8 version of <paramref name="sourceModelPath"/>, quantizing it and writing the cache file first if there is none.
    /// </summary>
    /// <param name="sourceModelPath">Path of the float ONNX model.</param>
    /// <param name="cacheDirectory">Folder of the cache files, created if missing.</param>
    /// <param name="logger">Receives cache hits, writes and quantization summaries, or <see langword="null"/> for no logging.</param>
    /// <returns>The full path of the quantized model. When the source has no eligible <c>MatMul</c>, the file is an unchanged copy.</returns>
    /// <exception cref="ArgumentException">A path is <see langword="null"/> or empty.</exception>
    /// <exception cref="FileNotFoundException">The source model does not exist.</exception>
    /// <exception cref="InvalidDataException">The source is not an ONNX model, or a weight is malformed.</exception>
    /// <exception cref="NotSupportedException">A weight keeps its data in an external file.</exception>
    /// <exception cref="IOException">The cache folder or file cannot be written.</exception>
    public static string GetOrCreate(string sourceModelPath, string cacheDirectory, ILogger? logger = null) =>
        GetOrCreate(sourceModelPath, cacheDirectory, new QuantizationOptions(), logger);

    /// <summary>
    /// Returns the path of the int8 version of <paramref name="sourceModelPath"/> quantized with <paramref name="options"/>,
    /// quantizing it and writing the cache file first if there is none.
    /// </summary>
    /// <param name="sourceModelPath">Path of the float ONNX model.</param>
    /// <param name="cacheDirectory">Folder of the cache files, created if missing.</param>
    /// <param name="options">The quantization settings. They are part of the cache file name.</param>
    /// <param name="logger">Receives cache hits, writes and quantization summaries, or <see langword="null"/> for no logging.</param>
    /// <returns>The full path of the quantized model. When the source has no eligible <c>MatMul</c>, the file is an unchanged copy.</returns>
    /// <exception cref="ArgumentException">A path is <see langword="null"/> or empty, or a setting in <paramref name="options"/> is invalid.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="FileNotFoundException">The source model does not exist.</exception>
    /// <exception cref="InvalidDataException">The source is not an ONNX model, or a weight is malformed.</exception>
    /// <exception cref="NotSupportedException">A weight keeps its data in an external file.</exception>
    /// <exception cref="IOException">The cache folder or file cannot be written.</exception>
    public static string GetOrCreate(string sourceModelPath, string cacheDirectory, QuantizationOptions options, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceModelPath);
        ArgumentException.ThrowIfNullOrEmpty(cacheDirectory);
        ArgumentNullException.ThrowIfNull(options);
        logger ??= NullLogger.Instance;

        OnnxDynamicQuantizer quantizer = new(options, logger);
        string variant = GetVariantSuffix(quantizer.SettingsKey);

        if (!File.Exists(sourceModelPath))
        {
            throw new FileNotFoundException($"The ONNX model '{sourceModelPath}' to quantize was not found.", sourceModelPath);
        }

        string cachedPath = GetCachedPath(cacheDirectory, HashFile(sourceModelPath), variant);
        if (File.Exists(cachedPath))
        {
            QuantizationLog.CacheHit(logger, cachedPath, sourceModelPath);
            return cachedPath;
        }

        // Name the entry after the bytes actually quantized, in case the source file changed since it was hashed above.
        byte[] source = File.ReadAllBytes(sourceModelPath);
        cachedPath = GetCachedPath(cacheDirectory, SHA256.HashData(source), variant);
        QuantizationResult result = quantizer.Quantize(source);

        Directory.CreateDirectory(cacheDirectory);
        if (WriteAtomically(cachedPath, result.Model.Span, logger))
        {
            QuantizationLog.CacheEntryWritten(logger, cachedPath, sourceModelPath);
        }
        else
        {
            QuantizationLog.CacheEntryWrittenConcurrently(logger, cachedPath);
        }

        return cachedPath;
    }

    private static byte[] HashFile(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return SHA256.HashData(stream);
    }

    private static string GetCachedPath(string cacheDirectory, byte[] sourceHash, string variant)
    {
        string prefix = Convert.ToHexStringLower(sourceHash)[..HashPrefixLength];
        return Path.GetFullPath(Path.Combine(cacheDirectory, $"{prefix}.int8-v{OnnxDynamicQuantizer.Version}{variant}.onnx"));
    }

    private static string GetVariantSuffix(string settingsKey)
    {
        if (settingsKey.Length == 0)
        {
            return string.Empty;
        }

        byte[] hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(settingsKey));
        return "-x" + Convert.ToHexStringLower(hash)[..8];
    }

    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/> through a temporary file.
    /// Returns <see langword="false"/> when another writer created <paramref name="path"/> first.
    /// </summary>
    private static bool WriteAtomically(string path, ReadOnlySpan<byte> content, ILogger logger)
    {
        string tempPath = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (FileStream temp = new(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                temp.Write(content);

                // Flush to disk before the move, so a crash cannot leave a complete-looking name over missing data.
                temp.Flush(flushToDisk: true);
            }

            try
            {
                File.Move(tempPath, path, overwrite: false);
                return true;
            }
            catch (IOException) when (File.Exists(path))
            {
                return false;
            }
        }
        finally
        {
            DeleteIfPresent(tempPath, logger);
        }
    }

    private static void DeleteIfPresent(string path, ILogger logger)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            QuantizationLog.TempFileDeleteFailed(logger, exception, path);
        }
    }
}
