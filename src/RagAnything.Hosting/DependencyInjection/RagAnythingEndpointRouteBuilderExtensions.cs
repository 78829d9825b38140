using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RagAnything.Hosting;
using RagAnything.Hosting.Endpoints;
using RagAnything.Hosting.Problems;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Maps the RagAnything HTTP routes.
/// </summary>
public static class RagAnythingEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the health routes, the system routes under <see cref="RagAnythingHostingOptions.SystemRoutePrefix"/>,
    /// and the documents, tasks, progress-stream, query, knowledge-graph and cache routes under
    /// <see cref="RagAnythingHostingOptions.RoutePrefix"/>.
    /// </summary>
    /// <param name="endpoints">The application's route builder. <c>AddRagAnythingHosting()</c> must have been called on its services.</param>
    /// <returns>The group of versioned API routes, for adding conventions such as authorization policies.</returns>
    /// <exception cref="InvalidOperationException">The hosting services are not registered.</exception>
    public static RouteGroupBuilder MapRagAnything(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var options = endpoints.ServiceProvider.GetService<IOptions<RagAnythingHostingOptions>>()?.Value
            ?? throw new InvalidOperationException("RagAnything hosting services are not registered. Call services.AddRagAnythingHosting() before MapRagAnything().");

        HealthEndpoints.Map(endpoints);

        var system = endpoints.MapGroup(options.SystemRoutePrefix)
            .WithTags("System")
            .AddEndpointFilter<ProblemEndpointFilter>();
        SystemEndpoints.Map(system);

        var api = endpoints.MapGroup(options.RoutePrefix)
            .AddEndpointFilter<ProblemEndpointFilter>();
        UploadEndpoints.Map(api.MapGroup(string.Empty).WithTags("Documents"));
        DocumentEndpoints.Map(api.MapGroup(string.Empty).WithTags("Documents"));
        ProcessingEndpoints.Map(api.MapGroup(string.Empty).WithTags("Documents"));
        TaskEndpoints.Map(api.MapGroup(string.Empty).WithTags("Tasks"));
        TaskEventsEndpoint.Map(api.MapGroup(string.Empty).WithTags("Tasks"));
        TaskSocketEndpoint.Map(api.MapGroup(string.Empty).WithTags("Tasks"));
        QueryEndpoints.Map(api.MapGroup(string.Empty).WithTags("Query"));
        GraphEndpoints.Map(api.MapGroup(string.Empty).WithTags("Graph"));
        CacheEndpoints.Map(api.MapGroup(string.Empty).WithTags("Cache"));

        return api;
    }
}
