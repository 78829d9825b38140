using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RagAnything.Hosting.Endpoints.Contracts;
using RagAnything.Hosting.Problems;
using RagAnything.Storage.Graph;

namespace RagAnything.Hosting.Endpoints;

/// <summary>
/// Maps the knowledge-graph routes: entity search by name and the capped subgraph around one entity.
/// </summary>
internal static class GraphEndpoints
{
    private const string MatchPrefix = "prefix";
    private const string MatchContains = "contains";

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet("/graph/labels", SearchLabelsAsync)
            .WithName("SearchGraphLabels")
            .WithSummary($"Finds entities whose name contains (match=contains, the default) or starts with (match=prefix) the search text, ignoring case; limit is 1 to {GraphLimits.MaxLabelLimit}, default {GraphLimits.DefaultLabelLimit}.")
            .Produces<GraphLabelsResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/graph/subgraph", GetSubgraphAsync)
            .WithName("GetGraphSubgraph")
            .WithSummary($"Returns the entities within depth relations of an entity (0 to {GraphLimits.MaxDepth}, default {GraphLimits.DefaultDepth}), at most maxNodes of them (1 to {GraphLimits.MaxNodes}, default {GraphLimits.DefaultMaxNodes}), with the relations among them.")
            .Produces<GraphSubgraphResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> SearchLabelsAsync(IGraphStore graph, string? search, int? limit, string? match, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(search) || search.Length > GraphLimits.MaxSearchLength)
        {
            return ApiProblems.Validation($"Search text '{search}' is invalid. Pass 1 to {GraphLimits.MaxSearchLength} characters as ?search=.");
        }

        if (limit is < 1 or > GraphLimits.MaxLabelLimit)
        {
            return ApiProblems.Validation($"Limit {limit} is invalid. It must be between 1 and {GraphLimits.MaxLabelLimit}.");
        }

        LabelMatch mode;
        switch (match)
        {
            case null or MatchContains:
                mode = LabelMatch.Contains;
                break;
            case MatchPrefix:
                mode = LabelMatch.Prefix;
                break;
            default:
                return ApiProblems.Validation($"Match '{match}' is invalid. Use '{MatchContains}' or '{MatchPrefix}'.");
        }

        var nodes = await graph.SearchLabelsAsync(search.Trim(), mode, limit ?? GraphLimits.DefaultLabelLimit, cancellationToken).ConfigureAwait(false);
        return Results.Ok(new GraphLabelsResponse(nodes.Select(GraphNodeResponse.From).ToList()));
    }

    private static async Task<IResult> GetSubgraphAsync(IGraphStore graph, string? entity, int? depth, int? maxNodes, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(entity) || entity.Length > GraphLimits.MaxSearchLength)
        {
            return ApiProblems.Validation($"Entity '{entity}' is invalid. Pass an entity key or name of 1 to {GraphLimits.MaxSearchLength} characters as ?entity=.");
        }

        if (depth is < 0 or > GraphLimits.MaxDepth)
        {
            return ApiProblems.Validation($"Depth {depth} is invalid. It must be between 0 and {GraphLimits.MaxDepth}.");
        }

        if (maxNodes is < 1 or > GraphLimits.MaxNodes)
        {
            return ApiProblems.Validation($"Max nodes {maxNodes} is invalid. It must be between 1 and {GraphLimits.MaxNodes}.");
        }

        var key = await ResolveKeyAsync(graph, entity.Trim(), cancellationToken).ConfigureAwait(false);
        if (key is null)
        {
            return ApiProblems.NotFound("entity", entity, "Find entity keys with GET graph/labels?search=.");
        }

        var subgraph = await graph.GetSubgraphAsync(key, depth ?? GraphLimits.DefaultDepth, maxNodes ?? GraphLimits.DefaultMaxNodes, cancellationToken).ConfigureAwait(false);
        return Results.Ok(new GraphSubgraphResponse(
            subgraph.Nodes.Select(GraphNodeResponse.From).ToList(),
            subgraph.Edges.Select(GraphEdgeResponse.From).ToList(),
            subgraph.IsTruncated));
    }

    /// <summary>
    /// Returns the key of the entity named by <paramref name="entity"/>: a key as listed by the label search, or a
    /// display name that matches exactly, ignoring case.
    /// </summary>
    private static async Task<string?> ResolveKeyAsync(IGraphStore graph, string entity, CancellationToken cancellationToken)
    {
        if (await graph.GetNodeAsync(entity, cancellationToken).ConfigureAwait(false) is not null)
        {
            return entity;
        }

        // Prefix search orders shorter names first, so an exact name match is among the first results.
        var candidates = await graph.SearchLabelsAsync(entity, LabelMatch.Prefix, GraphLimits.MaxLabelLimit, cancellationToken).ConfigureAwait(false);
        return candidates.FirstOrDefault(node => string.Equals(node.Name, entity, StringComparison.OrdinalIgnoreCase))?.Key;
    }
}
