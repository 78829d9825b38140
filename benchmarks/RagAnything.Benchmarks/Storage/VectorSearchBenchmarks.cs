using BenchmarkDotNet.Attributes;
using RagAnything.Storage.InMemory;
using RagAnything.Storage.Vectors;

namespace RagAnything.Benchmarks.Storage;

/// <summary>
/// Exact top-10 search over 100,000 × 384 normalised vectors in the in-memory store, against one sequential
/// pass over the same amount of memory. The ratio of the two means is the metric: the target is at most 1.5.
/// </summary>
/// <remarks>
/// The single-core case runs the same scan on the calling thread only, so one run shows what splitting it across
/// cores gains. The median and minimum columns help read runs on a shared machine, where other jobs slow some
/// iterations.
/// </remarks>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
public class VectorSearchBenchmarks
{
    private const int VectorCount = 100_000;
    private const int Dimension = 384;
    private const string Collection = "chunks";

    private readonly InMemoryVectorStore _store = new();
    private float[] _vectors = [];
    private float[] _query = [];

    /// <summary>Fills the store and a flat copy of the same vectors with a fixed seed.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(384);
        _vectors = new float[VectorCount * Dimension];
        for (int i = 0; i < _vectors.Length; i++)
        {
            _vectors[i] = (float)((random.NextDouble() * 2) - 1);
        }

        for (int slot = 0; slot < VectorCount; slot++)
        {
            Span<float> vector = _vectors.AsSpan(slot * Dimension, Dimension);
            VectorMath.Normalize(vector, vector);
        }

        _query = _vectors.AsSpan(0, Dimension).ToArray();

        _store.EnsureCollectionAsync(new VectorCollectionInfo(Collection, Dimension, "benchmark")).AsTask().GetAwaiter().GetResult();
        var records = new VectorRecord[VectorCount];
        for (int slot = 0; slot < VectorCount; slot++)
        {
            records[slot] = new VectorRecord($"v{slot}", $"doc{slot % 1000}", _vectors.AsMemory(slot * Dimension, Dimension));
        }

        _store.UpsertAsync(Collection, records).AsTask().GetAwaiter().GetResult();
    }

    /// <summary>One sequential read of every float: the memory-bandwidth floor for an exact scan.</summary>
    [Benchmark(Baseline = true)]
    public float SumAllFloats() => System.Numerics.Tensors.TensorPrimitives.Sum(_vectors);

    /// <summary>The store's exact top-10 search.</summary>
    [Benchmark]
    public int SearchTop10() => _store.SearchAsync(Collection, _query, topK: 10).AsTask().GetAwaiter().GetResult().Count;

    /// <summary>The same top-10 scan over the flat copy, kept on one core.</summary>
    [Benchmark]
    public int ScanTop10SingleCore() => VectorMath.TopK(_vectors, Dimension, VectorCount, _query, topK: 10, maxDegreeOfParallelism: 1).Count;
}
