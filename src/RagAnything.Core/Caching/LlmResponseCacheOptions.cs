namespace RagAnything.Caching;

/// <summary>
/// Options of the chat-model response cache, which stores each response under the model id, the full prompt and the
/// sampling options, so that repeating a call (re-ingesting a document, asking the same question) needs no model call.
/// </summary>
public sealed class LlmResponseCacheOptions
{
    /// <summary>The key-value collection that holds the cached responses.</summary>
    public const string Collection = "llm-cache";

    /// <summary>Gets or sets whether chat responses are cached.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    /// <remarks>
    /// Disable it for a chat model whose answers must differ between identical calls, such as one sampled at a high
    /// temperature on purpose; cached responses are returned for identical prompts whatever the temperature.
    /// </remarks>
    public bool Enabled { get; set; } = true;
}
