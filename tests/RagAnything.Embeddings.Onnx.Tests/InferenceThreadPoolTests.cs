using System.Globalization;
using RagAnything.Embeddings.Onnx.Internal;

namespace RagAnything.Embeddings.Onnx.Tests;

[Collection(ModelCollection.Name)]
public sealed class InferenceThreadPoolTests(ModelFixture fixture)
{
    // Linux truncates thread names to 15 bytes, and threads that ONNX Runtime starts inherit the name of their creator.
    private const string InferenceThreadName = "RagAnything ONN";

    private static readonly string LongText = string.Join(' ', Enumerable.Repeat("Quarterly revenue grew in every segment.", 80));

    [Fact]
    public async Task BelowNormal_LowersInferenceThreadsNiceValue()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // Two intra-op threads make ONNX Runtime start one thread of its own, which must inherit the priority.
        var options = fixture.CreateOptions();
        options.InferenceThreadPriority = ThreadPriority.BelowNormal;
        options.InferenceThreads = 2;
        options.IntraOpThreads = 2;
        using var generator = new OnnxEmbeddingGenerator(options);

        await generator.GenerateAsync([LongText]);

        var niceValues = ReadNiceValues(InferenceThreadName);
        Assert.True(niceValues.Count >= 3, $"Expected two inference threads and one ONNX Runtime thread, found {niceValues.Count} threads named '{InferenceThreadName}'.");
        Assert.All(niceValues, nice => Assert.Equal(10, nice));
    }

    [Fact]
    public async Task Lowest_SetsNiceValue19()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var options = fixture.CreateOptions();
        options.InferenceThreadPriority = ThreadPriority.Lowest;
        using var generator = new OnnxEmbeddingGenerator(options);

        await generator.GenerateAsync([LongText]);

        Assert.Contains(19, ReadNiceValues(InferenceThreadName));
    }

    [Fact]
    public async Task ShortCall_AfterSessionExists_RunsOnCallerThread()
    {
        using var generator = new OnnxEmbeddingGenerator(fixture.CreateOptions());
        await generator.GenerateAsync([LongText]);

        var task = generator.GenerateAsync(["A man is eating food."]);

        // A short call does not queue, so it has finished on this thread before GenerateAsync returns.
        Assert.True(task.IsCompletedSuccessfully, "The short call should complete synchronously on the caller's thread.");
        Assert.Single(await task);
    }

    [Fact]
    public async Task LargeCall_SpreadOverThreads_MatchesOneThread()
    {
        var texts = Enumerable.Range(0, 24).Select(index => $"Paragraph {index}: {LongText[..(40 * (index + 1))]}").ToList();

        var oneThreadOptions = fixture.CreateOptions();
        oneThreadOptions.InferenceThreads = 1;
        using var oneThread = new OnnxEmbeddingGenerator(oneThreadOptions);

        var threeThreadsOptions = fixture.CreateOptions();
        threeThreadsOptions.InferenceThreads = 3;
        using var threeThreads = new OnnxEmbeddingGenerator(threeThreadsOptions);

        var expected = await oneThread.GenerateAsync(texts);
        var actual = await threeThreads.GenerateAsync(texts);

        Assert.Equal(texts.Count, actual.Count);
        for (int index = 0; index < texts.Count; index++)
        {
            Assert.True(VectorMath.Cosine(expected[index].Vector, actual[index].Vector) > 0.99999, $"text {index}");
        }
    }

    [Fact]
    public async Task Stop_CalledTwice_ReturnsFirstResult()
    {
        var pool = new InferenceThreadPool(2, ThreadPriority.Normal, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        Assert.Equal(1, await pool.RunAsync(() => 1, CancellationToken.None));

        bool first = pool.Stop();
        bool second = pool.Stop();

        Assert.True(first);
        Assert.True(second);
        // RunAsync rejects new work synchronously, before any task exists.
        Assert.Throws<ObjectDisposedException>(() => { _ = pool.RunAsync(() => 2, CancellationToken.None); });
    }

    [Fact]
    public async Task Generate_AfterDispose_ThrowsObjectDisposed()
    {
        var generator = new OnnxEmbeddingGenerator(fixture.CreateOptions());
        await generator.GenerateAsync([LongText]);

        generator.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => generator.GenerateAsync([LongText]));
    }

    [Fact]
    public void Tokenizer_AfterDispose_NamesGenerator()
    {
        var generator = new OnnxEmbeddingGenerator(fixture.CreateOptions());
        generator.Dispose();

        var exception = Assert.Throws<ObjectDisposedException>(() => generator.GetService(typeof(Microsoft.ML.Tokenizers.BertTokenizer)));

        Assert.Equal(nameof(OnnxEmbeddingGenerator), exception.ObjectName);
    }

    [Fact]
    public async Task Dispose_WithQueuedCalls_FailsThemInsteadOfHanging()
    {
        var generator = new OnnxEmbeddingGenerator(fixture.CreateOptions(batchSize: 1));
        var texts = Enumerable.Range(0, 40).Select(index => $"{LongText} Paragraph {index}.").ToList();

        var calls = Enumerable.Range(0, 4).Select(_ => generator.GenerateAsync(texts)).ToList();
        generator.Dispose();

        foreach (var call in calls)
        {
            var exception = await Record.ExceptionAsync(() => call.WaitAsync(TimeSpan.FromMinutes(2)));
            Assert.True(exception is null or ObjectDisposedException, $"A call ended with {exception?.GetType().Name}: {exception?.Message}");
        }
    }

    [Fact]
    public async Task Dispose_DuringShortCalls_WaitsForThem()
    {
        var generator = new OnnxEmbeddingGenerator(fixture.CreateOptions());
        await generator.GenerateAsync([LongText]);

        // Short calls run on their callers' threads, outside the inference thread that disposal stops, so disposal
        // must still not release the session under them.
        using var started = new CountdownEvent(4);
        var callers = Enumerable.Range(0, 4).Select(caller => Task.Factory.StartNew(
            () =>
            {
                started.Signal();
                for (int call = 0; ; call++)
                {
                    try
                    {
                        generator.GenerateAsync([$"Short question {caller}-{call} about revenue?"]).GetAwaiter().GetResult();
                    }
                    catch (ObjectDisposedException)
                    {
                        return call;
                    }
                }
            },
            TaskCreationOptions.LongRunning)).ToList();

        started.Wait(TimeSpan.FromSeconds(30));
        await Task.Delay(200);
        generator.Dispose();

        foreach (var caller in callers)
        {
            var exception = await Record.ExceptionAsync(() => caller.WaitAsync(TimeSpan.FromMinutes(1)));
            Assert.Null(exception);
        }
    }

    [Fact]
    public async Task QueuedCall_Cancelled_CarriesCallerToken()
    {
        using var generator = new OnnxEmbeddingGenerator(fixture.CreateOptions(batchSize: 1));
        var texts = Enumerable.Range(0, 20).Select(index => $"{LongText} Paragraph {index}.").ToList();
        var first = generator.GenerateAsync(texts);

        // The second call waits behind the first on the inference thread, so cancelling it ends its wait at once.
        using var source = new CancellationTokenSource();
        var second = generator.GenerateAsync(texts, cancellationToken: source.Token);
        await source.CancelAsync();

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        Assert.Equal(source.Token, exception.CancellationToken);
        Assert.Equal(texts.Count, (await first).Count);
    }

    [Theory]
    [InlineData(ThreadPriority.AboveNormal)]
    [InlineData(ThreadPriority.Highest)]
    public void Constructor_RaisedPriority_Throws(ThreadPriority priority)
    {
        var options = fixture.CreateOptions();
        options.InferenceThreadPriority = priority;

        var exception = Assert.Throws<ArgumentException>(() => new OnnxEmbeddingGenerator(options));

        Assert.Contains("InferenceThreadPriority", exception.Message, StringComparison.Ordinal);
    }

    private static List<int> ReadNiceValues(string threadName)
    {
        var values = new List<int>();
        foreach (string taskDirectory in Directory.EnumerateDirectories("/proc/self/task"))
        {
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(taskDirectory, "stat"));
            }
            catch (IOException)
            {
                // The thread ended between listing and reading.
                continue;
            }

            // Format: "tid (comm) state ppid ...", where comm may contain spaces, so fields are counted after ')'.
            int open = stat.IndexOf('(', StringComparison.Ordinal);
            int close = stat.LastIndexOf(')');
            if (stat[(open + 1)..close] != threadName)
            {
                continue;
            }

            // After the name: field 3 (state) is index 0, so field 19 (nice) is index 16.
            string[] fields = stat[(close + 2)..].Split(' ');
            values.Add(int.Parse(fields[16], CultureInfo.InvariantCulture));
        }

        return values;
    }
}
