namespace RagAnything.OpenAI;

/// <summary>
/// Settings of an OpenAI-compatible embedding model (the <c>/embeddings</c> API).
/// </summary>
public sealed class OpenAIEmbeddingOptions : OpenAIEndpointOptions
{
    /// <summary>
    /// Gets or sets the number of dimensions to request, for models that can shorten their vectors (such as
    /// <c>text-embedding-3-small</c>), or <see langword="null"/> for the model's own size.
    /// </summary>
    /// <value>The default is <see langword="null"/>.</value>
    public int? Dimensions { get; set; }
}
