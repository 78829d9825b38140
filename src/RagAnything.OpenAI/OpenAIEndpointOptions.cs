namespace RagAnything.OpenAI;

/// <summary>
/// The settings every OpenAI-compatible endpoint needs: where it is, which model, the key, and how long and how often
/// to try. The same settings reach OpenAI, Azure OpenAI (its <c>/openai/v1/</c> endpoint), Ollama, vLLM and llama.cpp.
/// </summary>
public abstract class OpenAIEndpointOptions
{
    /// <summary>
    /// The default time one attempt may take: 100 seconds, the network timeout that the OpenAI .NET library
    /// (System.ClientModel 1.10) uses when none is set.
    /// </summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(100);

    /// <summary>The default number of retries after a rate limit (429) or a server error (5xx): the OpenAI library's own default.</summary>
    public const int DefaultMaxRetries = 3;

    /// <summary>The largest accepted <see cref="MaxRetries"/>: beyond it a failing endpoint blocks callers for many minutes.</summary>
    public const int MaxAllowedRetries = 10;

    private protected OpenAIEndpointOptions()
    {
    }

    /// <summary>
    /// Gets or sets the base address of the API, such as <c>http://localhost:11434/v1/</c> for Ollama, or
    /// <see langword="null"/> for OpenAI's own service.
    /// </summary>
    /// <value>The default is <see langword="null"/>.</value>
    public Uri? Endpoint { get; set; }

    /// <summary>Gets or sets the model id sent with each request, such as <c>gpt-4o-mini</c> or <c>llama3.1:8b</c>.</summary>
    /// <value>The default is an empty string, which fails validation.</value>
    public string Model { get; set; } = "";

    /// <summary>
    /// Gets or sets the API key. Required for OpenAI's own service; local servers usually accept any value or none.
    /// It is sent only to <see cref="Endpoint"/> and never logged or shown in error messages.
    /// </summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Gets or sets the time one attempt may take; for streamed responses, the time until the first update. It is also
    /// the OpenAI library's network timeout, which bounds the later reads of a stream. A call that exceeds it fails
    /// with <see cref="ErrorCategory.Timeout"/> and is not retried.
    /// </summary>
    /// <value>The default is <see cref="DefaultTimeout"/> (100 seconds).</value>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>
    /// Gets or sets how many times a call is retried after a rate limit (429), a server error (5xx) or a dropped
    /// connection. A <c>Retry-After</c> header sets the wait; otherwise it grows exponentially with jitter.
    /// </summary>
    /// <value>The default is <see cref="DefaultMaxRetries"/> (3); 0 disables retries.</value>
    public int MaxRetries { get; set; } = DefaultMaxRetries;
}
