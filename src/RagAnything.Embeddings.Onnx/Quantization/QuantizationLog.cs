using Microsoft.Extensions.Logging;

namespace RagAnything.Embeddings.Onnx.Quantization;

/// <summary>
/// Source-generated log messages of the int8 quantiser and its model cache. Event ids: 6100-6199.
/// </summary>
internal static partial class QuantizationLog
{
    [LoggerMessage(EventId = 6100, Level = LogLevel.Information, Message = "Quantized {MatMulCount} MatMul weights to int8 and kept {ExcludedCount} excluded ones in float: {FloatWeightBytes} float bytes became {QuantizedWeightBytes} bytes in {ElapsedMs} ms.")]
    public static partial void ModelQuantized(ILogger logger, int matMulCount, int excludedCount, long floatWeightBytes, long quantizedWeightBytes, long elapsedMs);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "The model has no MatMul with a constant 2-D float weight, so it was left unchanged.")]
    public static partial void NoEligibleMatMul(ILogger logger);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Debug, Message = "Measured the channel maxima of {TensorCount} MatMul inputs on {SequenceCount} calibration sequences in {ElapsedMs} ms.")]
    public static partial void ActivationsCalibrated(ILogger logger, int tensorCount, int sequenceCount, long elapsedMs);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Debug, Message = "Smoothed the input of {SmoothedCount} quantized MatMuls, kept outlier input channels of {OutlierSplitCount} in float, and folded {FoldedBiasCount} bias Adds.")]
    public static partial void ActivationsTransformed(ILogger logger, int smoothedCount, int outlierSplitCount, int foldedBiasCount);

    [LoggerMessage(EventId = 6110, Level = LogLevel.Debug, Message = "Reusing the cached quantized model {CachedPath} for {SourcePath}.")]
    public static partial void CacheHit(ILogger logger, string cachedPath, string sourcePath);

    [LoggerMessage(EventId = 6111, Level = LogLevel.Information, Message = "Wrote the quantized model {CachedPath} for {SourcePath}.")]
    public static partial void CacheEntryWritten(ILogger logger, string cachedPath, string sourcePath);

    [LoggerMessage(EventId = 6112, Level = LogLevel.Debug, Message = "Another writer created the quantized model {CachedPath} first; using its file.")]
    public static partial void CacheEntryWrittenConcurrently(ILogger logger, string cachedPath);

    [LoggerMessage(EventId = 6113, Level = LogLevel.Warning, Message = "Failed to delete the temporary file {TempPath}. Delete it by hand.")]
    public static partial void TempFileDeleteFailed(ILogger logger, Exception exception, string tempPath);
}
