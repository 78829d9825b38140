namespace RagAnything.Hosting;

/// <summary>
/// Settings of the progress streams: Server-Sent Events per task and the WebSocket of all task events.
/// </summary>
public sealed class StreamingOptions
{
    /// <summary>
    /// The default heartbeat interval: under the 30 to 60 second idle timeouts common in proxies and load balancers.
    /// </summary>
    public static readonly TimeSpan DefaultHeartbeatInterval = TimeSpan.FromSeconds(15);

    /// <summary>The default number of events buffered per client before the oldest are dropped.</summary>
    public const int DefaultClientBufferCapacity = 256;

    /// <summary>Gets or sets how often an idle stream sends a heartbeat so proxies keep the connection open.</summary>
    /// <value>The default is <see cref="DefaultHeartbeatInterval"/> (15 seconds).</value>
    public TimeSpan HeartbeatInterval { get; set; } = DefaultHeartbeatInterval;

    /// <summary>
    /// Gets or sets how many events one client may fall behind. A slower client loses its oldest events, so it
    /// costs a fixed amount of server memory.
    /// </summary>
    /// <value>The default is <see cref="DefaultClientBufferCapacity"/>.</value>
    public int ClientBufferCapacity { get; set; } = DefaultClientBufferCapacity;
}
