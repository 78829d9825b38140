namespace RagAnything.Embeddings.Onnx.Tests;

public sealed class OnnxEmbeddingOptionsValidatorTests
{
    private readonly OnnxEmbeddingOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        var result = _validator.Validate(null, new OnnxEmbeddingOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_BatchSizeZero_NamesSettingAndValue()
    {
        var result = _validator.Validate(null, new OnnxEmbeddingOptions { BatchSize = 0 });

        Assert.True(result.Failed);
        Assert.Contains("BatchSize is 0", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BundledModelPastPositionEmbeddings_NamesLimit()
    {
        var options = new OnnxEmbeddingOptions { MaxSequenceLength = OnnxEmbeddingOptions.BundledModelMaxSequenceLength + 1 };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("MaxSequenceLength is 513, but the bundled model reads at most 512 tokens", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BundledModelAtPositionLimit_Passes()
    {
        var options = new OnnxEmbeddingOptions { MaxSequenceLength = OnnxEmbeddingOptions.BundledModelMaxSequenceLength };

        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_TooManyInferenceThreads_NamesLimit()
    {
        var options = new OnnxEmbeddingOptions { InferenceThreads = OnnxEmbeddingOptions.MaxInferenceThreads + 1 };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"InferenceThreads is {OnnxEmbeddingOptions.MaxInferenceThreads + 1}, but it must be from 1 to {OnnxEmbeddingOptions.MaxInferenceThreads}", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(OnnxEmbeddingOptions.MaxSequenceLength), "MaxSequenceLength is 2")]
    [InlineData(nameof(OnnxEmbeddingOptions.IntraOpThreads), "IntraOpThreads is 0")]
    [InlineData(nameof(OnnxEmbeddingOptions.InferenceThreads), "InferenceThreads is 0")]
    [InlineData(nameof(OnnxEmbeddingOptions.BatchSize), "BatchSize is 1025")]
    [InlineData(nameof(OnnxEmbeddingOptions.CacheDirectory), "CacheDirectory is ' '")]
    public void Validate_OutOfRange_NamesSettingAndValue(string setting, string expectedMessage)
    {
        var options = new OnnxEmbeddingOptions();
        switch (setting)
        {
            case nameof(OnnxEmbeddingOptions.MaxSequenceLength):
                options.MaxSequenceLength = 2;
                break;
            case nameof(OnnxEmbeddingOptions.IntraOpThreads):
                options.IntraOpThreads = 0;
                break;
            case nameof(OnnxEmbeddingOptions.InferenceThreads):
                options.InferenceThreads = 0;
                break;
            case nameof(OnnxEmbeddingOptions.BatchSize):
                options.BatchSize = 1025;
                break;
            default:
                options.CacheDirectory = " ";
                break;
        }

        var result = _validator.Validate(null, options);

        Assert.Contains(expectedMessage, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(OnnxEmbeddingOptions.MaxBatchTokens), "MaxBatchTokens is 2")]
    [InlineData(nameof(OnnxEmbeddingOptions.InterOpThreads), "InterOpThreads is 0")]
    [InlineData(nameof(OnnxEmbeddingOptions.CudaDeviceId), "CudaDeviceId is -1")]
    [InlineData(nameof(OnnxEmbeddingOptions.Precision), "Precision is 7")]
    public void Validate_InvalidRuntimeSetting_NamesSettingAndValue(string setting, string expectedMessage)
    {
        var options = new OnnxEmbeddingOptions();
        switch (setting)
        {
            case nameof(OnnxEmbeddingOptions.MaxBatchTokens):
                options.MaxBatchTokens = OnnxEmbeddingOptions.MinSequenceLength - 1;
                break;
            case nameof(OnnxEmbeddingOptions.InterOpThreads):
                options.InterOpThreads = 0;
                break;
            case nameof(OnnxEmbeddingOptions.CudaDeviceId):
                options.CudaDeviceId = -1;
                break;
            default:
                options.Precision = (EmbeddingPrecision)7;
                break;
        }

        var result = _validator.Validate(null, options);

        Assert.Contains(expectedMessage, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ModelPathWithoutVocabulary_Fails()
    {
        using var folder = new TemporaryDirectory();
        string modelPath = Path.Combine(folder.Path, "model.onnx");
        File.WriteAllBytes(modelPath, [0]);

        var result = _validator.Validate(null, new OnnxEmbeddingOptions { ModelPath = modelPath, ModelId = "custom" });

        Assert.Contains("VocabularyPath is ''", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingFilesAndModelId_ReportsEach()
    {
        var options = new OnnxEmbeddingOptions { ModelPath = "/missing/model.onnx", VocabularyPath = "/missing/vocab.txt" };

        var result = _validator.Validate(null, options);

        Assert.Contains("ModelPath is '/missing/model.onnx', but that file was not found.", result.Failures!);
        Assert.Contains("VocabularyPath is '/missing/vocab.txt', but that file was not found.", result.Failures!);
        Assert.Contains(result.Failures!, failure => failure.StartsWith("ModelId is ''", StringComparison.Ordinal));
    }

    [Fact]
    public void CacheDirectory_EnvironmentVariableSet_UsesIt()
    {
        string? previous = Environment.GetEnvironmentVariable(OnnxEmbeddingOptions.CacheDirectoryEnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(OnnxEmbeddingOptions.CacheDirectoryEnvironmentVariable, "/srv/models");

            Assert.Equal("/srv/models", new OnnxEmbeddingOptions().CacheDirectory);
        }
        finally
        {
            Environment.SetEnvironmentVariable(OnnxEmbeddingOptions.CacheDirectoryEnvironmentVariable, previous);
        }
    }
}
