using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RagAnything.Hosting.Endpoints.Contracts;

namespace RagAnything.Hosting.Endpoints;

/// <summary>
/// Maps <c>/health</c> (liveness: the process serves requests) and <c>/health/ready</c> (the checks tagged
/// <see cref="ReadyTag"/>: stores open and the model loads). Both answer 200 when healthy and 503 otherwise.
/// </summary>
internal static class HealthEndpoints
{
    public const string ReadyTag = "raganything-ready";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", () => Results.Ok(new HealthResponse(nameof(HealthStatus.Healthy), new Dictionary<string, HealthEntryResponse>())))
            .WithName("GetLiveness")
            .WithSummary("Reports that the process serves requests; runs no checks.")
            .WithTags("Health")
            .Produces<HealthResponse>();

        endpoints.MapGet("/health/ready", GetReadinessAsync)
            .WithName("GetReadiness")
            .WithSummary("Reports whether the stores answer and the embedding model loads.")
            .WithTags("Health")
            .Produces<HealthResponse>()
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> GetReadinessAsync(HealthCheckService health, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(registration => registration.Tags.Contains(ReadyTag), cancellationToken).ConfigureAwait(false);
        var checks = report.Entries.ToDictionary(entry => entry.Key, entry => new HealthEntryResponse(entry.Value.Status.ToString(), entry.Value.Description));
        var status = report.Status == HealthStatus.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        return Results.Json(new HealthResponse(report.Status.ToString(), checks), statusCode: status);
    }
}
