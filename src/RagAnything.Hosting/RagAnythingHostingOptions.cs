namespace RagAnything.Hosting;

/// <summary>
/// Settings of the RagAnything HTTP surface, bound from the <c>RagAnything:Hosting</c> configuration section by
/// the server sample and validated when the host starts.
/// </summary>
public sealed class RagAnythingHostingOptions
{
    /// <summary>The default prefix of the versioned API routes.</summary>
    public const string DefaultRoutePrefix = "/api/v1";

    /// <summary>The default prefix of the operational routes, which stay unversioned so monitors never need updating.</summary>
    public const string DefaultSystemRoutePrefix = "/api/system";

    /// <summary>The default page size of listings when the request does not name one.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>The default cap on page sizes: large enough for a dashboard, small enough to keep one response under a few MB.</summary>
    public const int DefaultMaxPageSize = 500;

    /// <summary>Gets or sets the prefix of the versioned API routes, such as documents, tasks and queries.</summary>
    /// <value>The default is <see cref="DefaultRoutePrefix"/>.</value>
    public string RoutePrefix { get; set; } = DefaultRoutePrefix;

    /// <summary>Gets or sets the prefix of the status and parser-statistics routes.</summary>
    /// <value>The default is <see cref="DefaultSystemRoutePrefix"/>.</value>
    public string SystemRoutePrefix { get; set; } = DefaultSystemRoutePrefix;

    /// <summary>Gets or sets the folder that holds the stores, whose free disk space the status route reports.</summary>
    /// <value>The default is <see langword="null"/>, which leaves free disk space out of the status.</value>
    public string? DataDirectory { get; set; }

    /// <summary>Gets or sets the page size of listings when the request does not name one.</summary>
    /// <value>The default is <see cref="DefaultPageSize"/>.</value>
    public int PageSize { get; set; } = DefaultPageSize;

    /// <summary>Gets or sets the largest page size a request may ask for; larger requests are capped, not rejected.</summary>
    /// <value>The default is <see cref="DefaultMaxPageSize"/>.</value>
    public int MaxPageSize { get; set; } = DefaultMaxPageSize;

    /// <summary>Gets the upload limits and the temporary folder for uploads.</summary>
    public UploadOptions Uploads { get; } = new();

    /// <summary>Gets the settings of the processing queue and its workers.</summary>
    public TaskProcessingOptions Tasks { get; } = new();

    /// <summary>Gets the settings of the progress streams (Server-Sent Events and WebSocket).</summary>
    public StreamingOptions Streaming { get; } = new();

    /// <summary>Gets the API keys, anonymous paths and CORS origins.</summary>
    public SecurityOptions Security { get; } = new();

    /// <summary>Gets the per-client rate limit.</summary>
    public RateLimitOptions RateLimit { get; } = new();
}
