using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using RagAnything.Hosting.Security;

namespace RagAnything.Hosting.DependencyInjection;

/// <summary>
/// Puts the hosting middleware at the front of the pipeline, so that key checks and rate limits are in place
/// even when a host adds no <c>Use...()</c> call. Order: problem details for empty error responses on the
/// API routes and for unhandled exceptions there, CORS (preflights need no key), API key, rate limiter, WebSockets.
/// </summary>
internal sealed class HostingStartupFilter(IOptions<RagAnythingHostingOptions> options) : IStartupFilter
{
    public const string CorsPolicyName = "RagAnything";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        // Limited to the API's prefixes, so the host's own routes keep whatever error pages it chose.
        var routes = options.Value;
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(routes.RoutePrefix) || context.Request.Path.StartsWithSegments(routes.SystemRoutePrefix),
            api =>
            {
                api.UseExceptionHandler();
                api.UseStatusCodePages();
            });

        if (options.Value.Security.CorsOrigins.Count > 0)
        {
            app.UseCors(CorsPolicyName);
        }

        app.UseMiddleware<ApiKeyMiddleware>();
        app.UseRateLimiter();
        app.UseWebSockets();
        next(app);
    };
}
