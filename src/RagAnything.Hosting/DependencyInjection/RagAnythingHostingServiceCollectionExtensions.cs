using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RagAnything.Hosting;
using RagAnything.Hosting.DependencyInjection;
using RagAnything.Hosting.Documents;
using RagAnything.Hosting.Endpoints;
using RagAnything.Hosting.Endpoints.Paging;
using RagAnything.Hosting.Health;
using RagAnything.Hosting.Problems;
using RagAnything.Hosting.Security;
using RagAnything.Hosting.Streaming;
using RagAnything.Hosting.Tasks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the RagAnything HTTP surface in a service collection.
/// </summary>
public static class RagAnythingHostingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the services behind <c>MapRagAnything()</c>: validated options, the task queue and its background
    /// workers, start-up recovery of unfinished tasks, problem details, health checks, the rate limiter, CORS, Data
    /// Protection for the cursors of paged listings, and middleware for API keys, rate limiting and WebSockets placed
    /// at the front of the pipeline.
    /// </summary>
    /// <param name="services">The service collection. <c>AddRagAnything()</c> must also be called on it.</param>
    /// <param name="configure">Sets the options; they are validated when the host starts.</param>
    /// <returns>The same service collection, for chaining.</returns>
    /// <remarks>
    /// Register a custom <see cref="ITaskQueue"/> before this call to replace the in-process queue. Nothing is
    /// opened or loaded here; stores and models open on first use.
    /// </remarks>
    public static IServiceCollection AddRagAnythingHosting(this IServiceCollection services, Action<RagAnythingHostingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        var options = services.AddOptions<RagAnythingHostingOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RagAnythingHostingOptions>, RagAnythingHostingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        AddTasks(services);
        AddDocuments(services);
        AddWebInfrastructure(services);
        return services;
    }

    private static void AddTasks(IServiceCollection services)
    {
        services.TryAddSingleton<ITaskQueue, ChannelTaskQueue>();
        services.TryAddSingleton<TaskStore>();
        services.TryAddSingleton<TaskEventHub>();
        services.TryAddSingleton<TaskCoordinator>();
        services.TryAddSingleton<DocumentProcessor>();
        services.TryAddSingleton<StreamStatistics>();

        // The workers start before recovery, so recovering more tasks than the queue holds never stalls.
        services.AddHostedService<TaskProcessorService>();
        services.AddHostedService<TaskRecoveryService>();
        services.AddHostedService<TaskProgressRelay>();
    }

    private static void AddDocuments(IServiceCollection services)
    {
        services.TryAddSingleton<MultipartUploadReader>();
        services.TryAddSingleton<DocumentAdmission>();
        services.TryAddSingleton<UploadService>();
    }

    private static void AddWebInfrastructure(IServiceCollection services)
    {
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = ProblemTypeDefaults.Apply);
        services.TryAddSingleton<ProblemEndpointFilter>();

        // Page cursors are protected with the host's Data Protection key ring. AddDataProtection adds only the
        // services that are missing, so a key ring the host configures, before or after this call, is kept.
        services.AddDataProtection();
        services.TryAddSingleton<PageCursors>();
        services.AddHealthChecks().AddCheck<ReadinessHealthCheck>("raganything", tags: [HealthEndpoints.ReadyTag]);

        services.TryAddSingleton<ApiKeyValidator>();
        services.TryAddSingleton<AnonymousPaths>();
        services.AddRateLimiter(_ => { });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<RateLimiterOptions>, RateLimiterSetup>());

        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<IOptions<RagAnythingHostingOptions>>((cors, hosting) => cors.AddPolicy(HostingStartupFilter.CorsPolicyName, policy => policy
                .WithOrigins([.. hosting.Value.Security.CorsOrigins])
                .AllowAnyHeader()
                .AllowAnyMethod()));

        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, HostingStartupFilter>());
    }
}
