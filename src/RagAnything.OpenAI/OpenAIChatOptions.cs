namespace RagAnything.OpenAI;

/// <summary>
/// Settings of the OpenAI-compatible chat model that RagAnything uses for extraction, keywords, descriptions and answers.
/// </summary>
public sealed class OpenAIChatOptions : OpenAIEndpointOptions
{
    /// <summary>
    /// Gets or sets a model for requests that contain images, such as <c>gpt-4o</c> or <c>llava</c>, on the same
    /// endpoint, or <see langword="null"/> to send images to <see cref="OpenAIEndpointOptions.Model"/>.
    /// </summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? VisionModel { get; set; }
}
