using System.Security.Cryptography;
using Google.Protobuf;
using Onnx;
using RagAnything.Embeddings.Onnx.Quantization;

namespace RagAnything.Embeddings.Onnx.Tests.Quantization;

public sealed class QuantizedModelCacheTests
{
    [Fact]
    public void GetOrCreate_FirstCall_WritesVersionedFile()
    {
        using TemporaryDirectory cache = new();

        string path = QuantizedModelCache.GetOrCreate(MiniLmModel.ModelPath, cache.Path);

        Assert.Equal(cache.Path, Path.GetDirectoryName(path));
        string hashPrefix = Convert.ToHexStringLower(SHA256.HashData(MiniLmModel.ModelBytes))[..16];
        Assert.Equal($"{hashPrefix}.int8-v{OnnxDynamicQuantizer.Version}.onnx", Path.GetFileName(path));
        Assert.Equal(MiniLmModel.Quantized.Model.ToArray(), File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(cache.Path));
    }

    [Fact]
    public void GetOrCreate_BundledOptions_WritesSeparateFile()
    {
        using TemporaryDirectory cache = new();

        string all = QuantizedModelCache.GetOrCreate(MiniLmModel.ModelPath, cache.Path);
        string bundled = QuantizedModelCache.GetOrCreate(MiniLmModel.ModelPath, cache.Path, BundledModelQuantization.CreateOptions());

        Assert.NotEqual(all, bundled);
        Assert.Matches(@"\.int8-v3-x[0-9a-f]{8}\.onnx$", bundled);
        Assert.Equal(MiniLmModel.BundledQuantized.Model.ToArray(), File.ReadAllBytes(bundled));
        Assert.Equal(2, Directory.GetFiles(cache.Path).Length);
    }

    [Fact]
    public void GetOrCreate_SecondCall_ReusesFile()
    {
        using TemporaryDirectory cache = new();
        string first = QuantizedModelCache.GetOrCreate(MiniLmModel.ModelPath, cache.Path);

        // A time far in the past shows a rewrite, which would stamp the current time.
        DateTime marker = new(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(first, marker);
        string second = QuantizedModelCache.GetOrCreate(MiniLmModel.ModelPath, cache.Path);

        Assert.Equal(first, second);
        Assert.Equal(marker, File.GetLastWriteTimeUtc(second));
    }

    [Fact]
    public void GetOrCreate_TwoCalls_LogWriteThenHit()
    {
        using TemporaryDirectory cache = new();
        string source = Path.Combine(cache.Path, "source.onnx");
        float[] weights = TinyModels.RandomWeights(16, 16, Enumerable.Repeat(1f, 16).ToArray(), seed: 4);
        File.WriteAllBytes(source, TinyModels.MatMulWithWeight(weights, 16, 16).ToByteArray());
        RecordingLogger logger = new();

        QuantizedModelCache.GetOrCreate(source, cache.Path, logger);
        QuantizedModelCache.GetOrCreate(source, cache.Path, logger);

        // 6100: model quantized, 6103: input treatment and bias folding summary, 6111: cache entry written, 6110: cache hit.
        Assert.Equal([6100, 6103, 6111, 6110], logger.EventIds);
    }

    [Fact]
    public async Task GetOrCreate_ConcurrentCalls_ShareOneFile()
    {
        using TemporaryDirectory cache = new();
        float[] weights = TinyModels.RandomWeights(256, 256, Enumerable.Repeat(1f, 256).ToArray(), seed: 1);
        string source = Path.Combine(cache.Path, "source.onnx");
        File.WriteAllBytes(source, TinyModels.MatMulWithWeight(weights, 256, 256).ToByteArray());
        string cacheFolder = Path.Combine(cache.Path, "cache");

        string[] paths = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => QuantizedModelCache.GetOrCreate(source, cacheFolder))));

        Assert.Single(paths.Distinct(StringComparer.Ordinal));
        Assert.Equal([paths[0]], Directory.GetFiles(cacheFolder));
        Assert.Equal(new OnnxDynamicQuantizer().Quantize(File.ReadAllBytes(source)).Model.ToArray(), File.ReadAllBytes(paths[0]));
    }

    [Fact]
    public void GetOrCreate_ChangedSource_WritesNewFile()
    {
        using TemporaryDirectory cache = new();
        string source = Path.Combine(cache.Path, "source.onnx");
        string cacheFolder = Path.Combine(cache.Path, "cache");
        float[] ones = Enumerable.Repeat(1f, 16).ToArray();

        File.WriteAllBytes(source, TinyModels.MatMulWithWeight(TinyModels.RandomWeights(16, 16, ones, seed: 1), 16, 16).ToByteArray());
        string first = QuantizedModelCache.GetOrCreate(source, cacheFolder);
        File.WriteAllBytes(source, TinyModels.MatMulWithWeight(TinyModels.RandomWeights(16, 16, ones, seed: 2), 16, 16).ToByteArray());
        string second = QuantizedModelCache.GetOrCreate(source, cacheFolder);

        Assert.NotEqual(first, second);
        Assert.Equal(2, Directory.GetFiles(cacheFolder).Length);
    }

    [Fact]
    public void GetOrCreate_NoWeightMatMul_CachesCopy()
    {
        using TemporaryDirectory cache = new();
        string source = Path.Combine(cache.Path, "source.onnx");
        byte[] model = TinyModels.MatMulOfTwoInputs(8, 8).ToByteArray();
        File.WriteAllBytes(source, model);

        string path = QuantizedModelCache.GetOrCreate(source, Path.Combine(cache.Path, "cache"));

        Assert.Equal(model, File.ReadAllBytes(path));
    }

    [Fact]
    public void GetOrCreate_MissingSource_ThrowsFileNotFound()
    {
        using TemporaryDirectory cache = new();
        string missing = Path.Combine(cache.Path, "missing.onnx");

        FileNotFoundException exception = Assert.Throws<FileNotFoundException>(() => QuantizedModelCache.GetOrCreate(missing, cache.Path));

        Assert.Equal(missing, exception.FileName);
    }

    [Fact]
    public void GetOrCreate_CorruptSource_LeavesNoFile()
    {
        using TemporaryDirectory cache = new();
        string source = Path.Combine(cache.Path, "source.onnx");
        File.WriteAllBytes(source, "not a model"u8.ToArray());
        string cacheFolder = Path.Combine(cache.Path, "cache");

        Assert.Throws<InvalidDataException>(() => QuantizedModelCache.GetOrCreate(source, cacheFolder));

        Assert.False(Directory.Exists(cacheFolder) && Directory.EnumerateFileSystemEntries(cacheFolder).Any(), "A failed quantization left files in the cache folder.");
    }
}
