namespace RagAnything.Hosting.Endpoints.Contracts;

/// <summary>The process, queue and version figures of the status route.</summary>
internal sealed record SystemStatusResponse
{
    public required TimeSpan Uptime { get; init; }

    public required double CpuTimeSeconds { get; init; }

    public required long WorkingSetBytes { get; init; }

    public required long GcHeapBytes { get; init; }

    /// <summary>Gets the free space of the drive that holds the data folder, or <see langword="null"/> when no data folder is configured.</summary>
    public long? DiskFreeBytes { get; init; }

    /// <summary>Gets the total size of the files in the data folder, or <see langword="null"/> when no data folder is configured or it cannot be read.</summary>
    public long? DataDirectoryBytes { get; init; }

    public required int QueueDepth { get; init; }

    public required int QueueCapacity { get; init; }

    public required int InFlightDocuments { get; init; }

    /// <summary>Gets the queued and in-flight documents of each ingestion pipeline stage, in pipeline order.</summary>
    public required IReadOnlyList<StageStatusResponse> PipelineStages { get; init; }

    public required int StreamClients { get; init; }

    /// <summary>Gets how many progress events were dropped for slow stream clients since start.</summary>
    public required long DroppedStreamEvents { get; init; }

    public required IReadOnlyDictionary<string, int> Documents { get; init; }

    public required IReadOnlyDictionary<string, string> Versions { get; init; }
}
