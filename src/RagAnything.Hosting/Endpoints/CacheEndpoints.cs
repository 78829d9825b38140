using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RagAnything.Caching;
using RagAnything.Hosting.Diagnostics;
using RagAnything.Hosting.Endpoints.Contracts;
using RagAnything.Hosting.Problems;

namespace RagAnything.Hosting.Endpoints;

/// <summary>
/// Maps the cache routes over <see cref="ICacheStatistics"/>. Without a registered implementation the engine
/// has no caches, so the status lists no layers and clearing does nothing.
/// </summary>
internal static class CacheEndpoints
{
    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet("/cache/status", GetStatus)
            .WithName("GetCacheStatus")
            .WithSummary("Lists the cache layers (parse, embedding, chat, query) with hits, misses, entries, bytes and evictions.")
            .Produces<CacheStatusResponse>();

        group.MapDelete("/cache", ClearAsync)
            .WithName("ClearCache")
            .WithSummary("Clears one cache layer (?layer=parse, embedding, chat or query) or, without a layer, all of them.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static IResult GetStatus(IServiceProvider services)
    {
        var statistics = services.GetService<ICacheStatistics>();
        var layers = statistics?.GetSnapshot().Select(CacheLayerResponse.From).ToList() ?? [];
        return Results.Ok(new CacheStatusResponse(layers));
    }

    private static async Task<IResult> ClearAsync(IServiceProvider services, ILoggerFactory loggers, string? layer, CancellationToken cancellationToken)
    {
        CacheLayer? target = null;
        if (layer is not null)
        {
            if (!DocumentEndpoints.TryParseName<CacheLayer>(layer, out var parsed))
            {
                return ApiProblems.Validation($"Layer '{layer}' is invalid. Use one of: {string.Join(", ", Enum.GetValues<CacheLayer>().Select(ApiNames.Of))}, or no layer to clear all.");
            }

            target = parsed;
        }

        var statistics = services.GetService<ICacheStatistics>();
        if (statistics is not null)
        {
            await statistics.ClearAsync(target, cancellationToken).ConfigureAwait(false);
            Log.CacheCleared(loggers.CreateLogger(typeof(CacheEndpoints).FullName!), target is null ? "all" : ApiNames.Of(target.Value));
        }

        return Results.NoContent();
    }
}
