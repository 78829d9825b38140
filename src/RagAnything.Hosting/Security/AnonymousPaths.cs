using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace RagAnything.Hosting.Security;

/// <summary>
/// Decides whether a request path is open without an API key and exempt from rate limiting.
/// </summary>
internal sealed class AnonymousPaths(IOptions<RagAnythingHostingOptions> options)
{
    /// <summary>Returns whether <paramref name="path"/> is one of the anonymous paths or below one, segment by segment.</summary>
    public bool Contains(PathString path)
    {
        foreach (var prefix in options.Value.Security.AnonymousPaths)
        {
            // StartsWithSegments matches "/health" and "/health/ready" but not "/healthz".
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
