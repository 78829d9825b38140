namespace RagAnything.Benchmarks.Embeddings;

/// <summary>How the model runs of <see cref="EmbeddingThroughputBenchmarks"/> use the cores.</summary>
public enum InferenceLayout
{
    /// <summary>The library's default: one inference thread per core, each run on one intra-op thread.</summary>
    SideBySide,

    /// <summary>The earlier default: one inference thread, each run split over one intra-op thread per core.</summary>
    OneRunAllCores,
}
