using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using RagAnything.Embeddings.Onnx.Diagnostics;

namespace RagAnything.Embeddings.Onnx.Internal;

/// <summary>
/// Builds ONNX Runtime session options from <see cref="OnnxEmbeddingOptions"/>, falling back to the CPU when the CUDA
/// execution provider was requested but cannot be created.
/// </summary>
internal static class SessionOptionsFactory
{
    private const string AllowSpinningKey = "session.intra_op.allow_spinning";

    public static SessionOptions Create(OnnxEmbeddingOptions options, ILogger logger)
    {
        var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = options.InterOpThreads,
            ExecutionMode = options.InterOpThreads > 1 ? ExecutionMode.ORT_PARALLEL : ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = options.GraphOptimizationLevel,
            EnableCpuMemArena = options.EnableMemoryArena,
        };

        try
        {
            sessionOptions.AddSessionConfigEntry(AllowSpinningKey, options.AllowSpinning ? "1" : "0");

            if (options.UseCuda)
            {
                AppendCuda(sessionOptions, options.CudaDeviceId, logger);
            }

            return sessionOptions;
        }
        catch
        {
            sessionOptions.Dispose();
            throw;
        }
    }

    private static void AppendCuda(SessionOptions sessionOptions, int deviceId, ILogger logger)
    {
        try
        {
            sessionOptions.AppendExecutionProvider_CUDA(deviceId);
        }
        catch (Exception exception) when (exception is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            // The CPU-only package has no CUDA provider, and the GPU package fails here without a driver or device.
            // The CPU provider stays registered, so the session still runs, only slower.
            Log.CudaUnavailable(logger, exception, deviceId);
        }
    }
}
