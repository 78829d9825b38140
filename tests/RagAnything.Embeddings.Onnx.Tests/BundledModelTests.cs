using Microsoft.Extensions.Logging.Abstractions;
using RagAnything.Embeddings.Onnx.Internal;

namespace RagAnything.Embeddings.Onnx.Tests;

public sealed class BundledModelTests
{
    private static readonly DateTime MarkerTime = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Extract_SecondStart_ReusesFiles()
    {
        using var cache = new TemporaryDirectory();
        var first = BundledModel.Extract(cache.Path, NullLogger.Instance);

        // A rewrite would replace this timestamp, so it shows whether the second start wrote the files.
        File.SetLastWriteTimeUtc(first.ModelPath, MarkerTime);
        File.SetLastWriteTimeUtc(first.VocabularyPath, MarkerTime);
        var second = BundledModel.Extract(cache.Path, NullLogger.Instance);

        Assert.Equal(first, second);
        Assert.Equal(MarkerTime, File.GetLastWriteTimeUtc(second.ModelPath));
        Assert.Equal(MarkerTime, File.GetLastWriteTimeUtc(second.VocabularyPath));
    }

    [Fact]
    public void Extract_FreshCache_WritesCompleteFiles()
    {
        using var cache = new TemporaryDirectory();

        var files = BundledModel.Extract(cache.Path, NullLogger.Instance);

        string folder = Path.GetFileName(Path.GetDirectoryName(files.ModelPath)!);
        Assert.StartsWith("all-MiniLM-L6-v2-", folder, StringComparison.Ordinal);
        Assert.True(new FileInfo(files.ModelPath).Length > 80_000_000);
        Assert.Contains("[CLS]", File.ReadLines(files.VocabularyPath));
        Assert.Empty(Directory.EnumerateFiles(cache.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Extract_TruncatedFile_ExtractsAgain()
    {
        using var cache = new TemporaryDirectory();
        var files = BundledModel.Extract(cache.Path, NullLogger.Instance);
        long vocabularyLength = new FileInfo(files.VocabularyPath).Length;

        using (var stream = File.OpenWrite(files.VocabularyPath))
        {
            stream.SetLength(10);
        }

        BundledModel.Extract(cache.Path, NullLogger.Instance);

        Assert.Equal(vocabularyLength, new FileInfo(files.VocabularyPath).Length);
    }

    [Fact]
    public async Task Extract_ConcurrentStarts_AllReturnCompleteFiles()
    {
        using var cache = new TemporaryDirectory();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => BundledModel.Extract(cache.Path, NullLogger.Instance))));

        Assert.All(results, files => Assert.Equal(results[0], files));
        Assert.True(new FileInfo(results[0].ModelPath).Length > 80_000_000);
        Assert.Empty(Directory.EnumerateFiles(cache.Path, "*.tmp", SearchOption.AllDirectories));
    }
}
