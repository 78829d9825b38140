namespace RagAnything.Parsers.Tests;

/// <summary>
/// Tests that measure the managed heap, run without other tests in parallel so their allocations do not count.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurementCollection
{
    public const string Name = "Memory measurement";
}
