using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using RagAnything.Hosting.Security;

namespace RagAnything.Hosting.DependencyInjection;

/// <summary>
/// Puts the hosting middleware at the front of the pipeline, so that key checks and rate limits cannot be left
/// out by a host that forgets a <c>Use...()</c> call. Order: CORS (preflights need no key), API key, rate
/// limiter, WebSockets.
/// </summary>
internal sealed class HostingStartupFilter(IOptions<RagAnythingHostingOptions> options) : IStartupFilter
{
    public const string CorsPolicyName = "RagAnything";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
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
