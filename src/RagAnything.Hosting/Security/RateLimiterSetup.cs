using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagAnything.Hosting.Diagnostics;
using RagAnything.Hosting.Problems;

namespace RagAnything.Hosting.Security;

/// <summary>
/// Configures ASP.NET Core's rate limiter with one token bucket per client: per API key when the request sends
/// one, else per remote address. Anonymous paths are not limited.
/// </summary>
internal sealed class RateLimiterSetup(IOptions<RagAnythingHostingOptions> hosting, AnonymousPaths anonymous) : IConfigureOptions<RateLimiterOptions>
{
    public void Configure(RateLimiterOptions options)
    {
        var limits = hosting.Value.RateLimit;
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (!limits.Enabled || anonymous.Contains(context.Request.Path))
            {
                return RateLimitPartition.GetNoLimiter("anonymous");
            }

            return RateLimitPartition.GetTokenBucketLimiter(PartitionKeyOf(context), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = limits.TokenLimit,
                TokensPerPeriod = limits.TokensPerPeriod,
                ReplenishmentPeriod = limits.ReplenishmentPeriod,
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });

        options.OnRejected = OnRejectedAsync;
    }

    /// <summary>Returns the partition of a request: a hash prefix of its API key, so no key is kept in memory or logs, else its address.</summary>
    private static string PartitionKeyOf(HttpContext context)
    {
        var key = context.Request.Headers[SecurityOptions.ApiKeyHeaderName].ToString();
        if (key.Length > 0)
        {
            return "key:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 8);
        }

        return "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var logger = context.RequestServices.GetRequiredService<ILogger<RateLimiterSetup>>();
        Log.RateLimited(logger, context.Request.Path, PartitionKeyOf(context));

        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);

        await Results.Problem(
            $"Too many requests from this client. Retry after {seconds} seconds.",
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "The rate limit was exceeded.",
            type: ProblemTypes.RateLimited).ExecuteAsync(context).ConfigureAwait(false);
    }
}
