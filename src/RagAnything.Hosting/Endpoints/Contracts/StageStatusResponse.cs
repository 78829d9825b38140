using RagAnything.Ingestion;

namespace RagAnything.Hosting.Endpoints.Contracts;

/// <summary>The load of one ingestion pipeline stage as the status route shows it.</summary>
/// <param name="Stage">The stage name, such as <c>parse</c> or <c>embed</c>.</param>
/// <param name="Workers">The number of workers of the stage.</param>
/// <param name="Queued">The documents waiting in front of the stage.</param>
/// <param name="InFlight">The documents the stage is working on.</param>
internal sealed record StageStatusResponse(string Stage, int Workers, int Queued, int InFlight)
{
    public static StageStatusResponse From(StageSnapshot snapshot) => new(snapshot.Stage, snapshot.Workers, snapshot.Queued, snapshot.InFlight);
}
