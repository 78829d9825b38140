using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RagAnything.Hosting.Endpoints.Contracts;

namespace RagAnything.Hosting.Endpoints;

/// <summary>
/// Maps the cache routes. The library has no cache layer yet, so the status lists none and clearing does nothing.
/// </summary>
internal static class CacheEndpoints
{
    public static void Map(IEndpointRouteBuilder group)
    {
        // TODO: report and clear the parse, embedding and answer caches once the library has a cache layer.
        group.MapGet("/cache/status", () => Results.Ok(new CacheStatusResponse([])))
            .WithName("GetCacheStatus")
            .WithSummary("Lists the cache layers with their sizes; empty until the library has a cache.")
            .Produces<CacheStatusResponse>();

        group.MapDelete("/cache", () => Results.NoContent())
            .WithName("ClearCache")
            .WithSummary("Clears every cache layer.")
            .Produces(StatusCodes.Status204NoContent);
    }
}
