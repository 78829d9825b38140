namespace RagAnything.Hosting;

/// <summary>
/// API keys, the paths open without a key, and the origins allowed by CORS.
/// </summary>
public sealed class SecurityOptions
{
    /// <summary>The header that carries the API key.</summary>
    public const string ApiKeyHeaderName = "X-API-Key";

    /// <summary>
    /// Gets the accepted API keys. When the list is empty, every request is accepted without a key.
    /// </summary>
    /// <value>The default is an empty list.</value>
    public IList<string> ApiKeys { get; } = [];

    /// <summary>
    /// Gets the path prefixes that need no API key, matched case-insensitively on whole segments.
    /// </summary>
    /// <value>The default contains <c>/health</c>, so liveness and readiness probes need no secret.</value>
    public IList<string> AnonymousPaths { get; } = ["/health"];

    /// <summary>Gets the origins that browsers may call the API from. When the list is empty, no CORS headers are sent.</summary>
    /// <value>The default is an empty list.</value>
    public IList<string> CorsOrigins { get; } = [];
}
