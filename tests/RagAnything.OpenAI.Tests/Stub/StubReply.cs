namespace RagAnything.OpenAI.Tests.Stub;

/// <summary>
/// What the stub server sends back for one request.
/// </summary>
internal sealed record StubReply
{
    /// <summary>Gets the HTTP status code.</summary>
    public int Status { get; init; } = 200;

    /// <summary>Gets the assistant's text for a successful chat reply, sent whole or as SSE chunks.</summary>
    public string Content { get; init; } = "";

    /// <summary>Gets a body sent as it is instead of a well-formed reply, for error statuses.</summary>
    public string? RawBody { get; init; }

    /// <summary>Gets the Retry-After header value, if any.</summary>
    public string? RetryAfter { get; init; }

    /// <summary>Gets how long the server waits before answering.</summary>
    public TimeSpan Delay { get; init; }

    public static StubReply Text(string content) => new() { Content = content };

    public static StubReply Error(int status, string? retryAfter = null)
        => new() { Status = status, RetryAfter = retryAfter, RawBody = $$$"""{"error":{"message":"stub error {{{status}}}","type":"server_error"}}""" };
}
