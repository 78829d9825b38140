namespace RagAnything.Ingestion;

/// <summary>
/// The load of one pipeline stage at one moment.
/// </summary>
/// <param name="Stage">The stage name, one of <see cref="PipelineStages"/>.</param>
/// <param name="Workers">The number of workers of the stage.</param>
/// <param name="Queued">The documents waiting in front of the stage.</param>
/// <param name="InFlight">The documents being worked on.</param>
public sealed record StageSnapshot(string Stage, int Workers, int Queued, int InFlight);
