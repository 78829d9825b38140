using Microsoft.Extensions.Options;
using RagAnything.Threading;

namespace RagAnything.Embeddings.Onnx;

/// <summary>
/// Checks every setting of <see cref="OnnxEmbeddingOptions"/> and reports all invalid ones at once, each with its value.
/// </summary>
internal sealed class OnnxEmbeddingOptionsValidator : IValidateOptions<OnnxEmbeddingOptions>
{
    public ValidateOptionsResult Validate(string? name, OnnxEmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var failures = new List<string>();
        ValidateModelFiles(options, failures);

        if (options.MaxSequenceLength < OnnxEmbeddingOptions.MinSequenceLength)
        {
            failures.Add($"MaxSequenceLength is {options.MaxSequenceLength}, but it must be at least {OnnxEmbeddingOptions.MinSequenceLength}.");
        }

        // The bundled model fails at run time past its position embeddings, so the limit is checked here instead.
        if (options.ModelPath is null && options.MaxSequenceLength > OnnxEmbeddingOptions.BundledModelMaxSequenceLength)
        {
            failures.Add($"MaxSequenceLength is {options.MaxSequenceLength}, but the bundled model reads at most {OnnxEmbeddingOptions.BundledModelMaxSequenceLength} tokens (its position embeddings). Lower it, or set ModelPath to a model with longer inputs.");
        }

        if (options.BatchSize < 1 || options.BatchSize > OnnxEmbeddingOptions.MaxBatchSize)
        {
            failures.Add($"BatchSize is {options.BatchSize}, but it must be from 1 to {OnnxEmbeddingOptions.MaxBatchSize}.");
        }

        if (options.MaxBatchTokens < OnnxEmbeddingOptions.MinSequenceLength)
        {
            failures.Add($"MaxBatchTokens is {options.MaxBatchTokens}, but it must be at least {OnnxEmbeddingOptions.MinSequenceLength}, the length of the shortest input.");
        }

        if (options.IntraOpThreads < 1)
        {
            failures.Add($"IntraOpThreads is {options.IntraOpThreads}, but it must be at least 1.");
        }

        if (options.InferenceThreads < 1 || options.InferenceThreads > OnnxEmbeddingOptions.MaxInferenceThreads)
        {
            failures.Add($"InferenceThreads is {options.InferenceThreads}, but it must be from 1 to {OnnxEmbeddingOptions.MaxInferenceThreads}. The processor count ({Environment.ProcessorCount}) is usually best.");
        }

        if (options.InterOpThreads < 1)
        {
            failures.Add($"InterOpThreads is {options.InterOpThreads}, but it must be at least 1.");
        }

        if (!WorkerThreadPriority.IsSupported(options.InferenceThreadPriority))
        {
            failures.Add($"InferenceThreadPriority is {options.InferenceThreadPriority}, but it must be Normal, BelowNormal or Lowest, because raising a thread's priority needs privileges.");
        }

        if (options.Precision is { } precision && !Enum.IsDefined(precision))
        {
            failures.Add($"Precision is {options.Precision}, but it must be Float32 or Int8.");
        }

        if (options.CudaDeviceId < 0)
        {
            failures.Add($"CudaDeviceId is {options.CudaDeviceId}, but it must be 0 or more.");
        }

        if (string.IsNullOrWhiteSpace(options.CacheDirectory))
        {
            failures.Add($"CacheDirectory is '{options.CacheDirectory}', but it must name a folder.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateModelFiles(OnnxEmbeddingOptions options, List<string> failures)
    {
        bool hasModel = options.ModelPath is not null;
        bool hasVocabulary = options.VocabularyPath is not null;

        // The bundled vocabulary only fits the bundled model, so the two paths are set together or not at all.
        if (hasModel != hasVocabulary)
        {
            failures.Add(
                $"ModelPath is '{options.ModelPath}' and VocabularyPath is '{options.VocabularyPath}', " +
                "but both must be set for a custom model, or both left null for the bundled one.");
            return;
        }

        if (!hasModel)
        {
            return;
        }

        if (!File.Exists(options.ModelPath))
        {
            failures.Add($"ModelPath is '{options.ModelPath}', but that file was not found.");
        }

        if (!File.Exists(options.VocabularyPath))
        {
            failures.Add($"VocabularyPath is '{options.VocabularyPath}', but that file was not found.");
        }

        if (string.IsNullOrWhiteSpace(options.ModelId))
        {
            failures.Add($"ModelId is '{options.ModelId}', but a custom ModelPath needs a model id so its vectors are not mixed with another model's.");
        }
    }
}
