using Microsoft.Extensions.Logging;

namespace RagAnything.Embeddings.Onnx.Diagnostics;

/// <summary>
/// Source-generated log messages of the ONNX embedding package. Event ids: 6xxx.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Bundled model {ModelId} extracted to {Directory}.")]
    public static partial void ModelExtracted(ILogger logger, string modelId, string directory);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "ONNX session for model {ModelId} ({Precision}) created from {ModelPath} for {InferenceThreads} inference threads with {IntraOpThreads} intra-op threads each; output dimensions {Dimensions}.")]
    public static partial void SessionCreated(ILogger logger, string modelId, EmbeddingPrecision precision, string modelPath, int inferenceThreads, int intraOpThreads, int? dimensions);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Debug, Message = "Bundled model file {Path} is already extracted and is reused.")]
    public static partial void ExtractedFileReused(ILogger logger, string path);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Debug, Message = "Bundled model file {Path} was extracted by another process at the same time; its copy is used.")]
    public static partial void ExtractionRaceLost(ILogger logger, string path);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Warning, Message = "Bundled model file {Path} has {ActualBytes} bytes instead of {ExpectedBytes} and is extracted again.")]
    public static partial void ExtractedFileDamaged(ILogger logger, string path, long actualBytes, long expectedBytes);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Debug, Message = "Embedded {InputCount} texts ({TokenCount} tokens) in {BatchCount} batches in {ElapsedMs} ms.")]
    public static partial void InputsEmbedded(ILogger logger, int inputCount, long tokenCount, int batchCount, long elapsedMs);

    [LoggerMessage(EventId = 6008, Level = LogLevel.Debug, Message = "{DuplicateCount} of {InputCount} texts repeat an earlier text of the same call and were embedded once.")]
    public static partial void DuplicatesSkipped(ILogger logger, int duplicateCount, int inputCount);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Warning, Message = "The CUDA execution provider for device {DeviceId} could not be created, so the model runs on the CPU. Install Microsoft.ML.OnnxRuntime.Gpu and a CUDA driver to use the GPU.")]
    public static partial void CudaUnavailable(ILogger logger, Exception exception, int deviceId);

    [LoggerMessage(EventId = 6009, Level = LogLevel.Warning, Message = "An ONNX inference thread could not be set to priority {Priority}, so its model batches compete with request handling at normal priority.")]
    public static partial void ThreadPriorityNotApplied(ILogger logger, ThreadPriority priority);

    [LoggerMessage(EventId = 6010, Level = LogLevel.Warning, Message = "An ONNX inference thread was still running a batch {TimeoutSeconds} s after the generator was disposed, so its inference session is left open.")]
    public static partial void InferenceThreadStillRunning(ILogger logger, long timeoutSeconds);

    [LoggerMessage(EventId = 6011, Level = LogLevel.Warning, Message = "A short embedding call was still running on its caller's thread {TimeoutSeconds} s after the generator was disposed, so its inference session is left open.")]
    public static partial void CallerThreadCallsStillRunning(ILogger logger, long timeoutSeconds);
}
